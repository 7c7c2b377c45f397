// drain's evictions as kubectl's Helper.evictPods runs them: each pod is evicted through the Eviction
// API (api/eviction.ts); one refused with 429 (a PodDisruptionBudget) is tried again every 5 s, each
// try printing `evicting pod` again, until --timeout (then `global timeout reached`); evicted pods are
// waited for until they are gone (`pod/x evicted`). Time comes from the WaitClock (fake in tests).
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {WaitClock} from '../resource/wait.js'
import type {Sinks} from './sinks.js'

import {isStatusError} from '../../api/errors.js'
import {evictPod} from '../../api/eviction.js'
import {goDuration} from '../../machinery/duration.js'
import {waitUntil} from '../resource/wait.js'

/** kubectl's pause before trying a refused eviction again. */
export const EVICTION_RETRY_MS = 5000

export interface EvictionRun {
  pods: KObject[]
  gracePeriod: number
  serverDryRun: boolean
  /** ms; 0: no limit */
  timeoutMs: number
  clock: WaitClock
  /** waitForDelete's check of one pod: true once it is gone (or skipped) */
  gone(pod: KObject): boolean
  beforeWait?(): Promise<void>
}

interface Pending {
  pod: KObject
  at: number
}

const podId = (p: KObject): string => `pods/"${p.metadata.name}" -n "${p.metadata.namespace}"`

/** One eviction try: 'evicted', 'gone' (NotFound), 'retry' (429, printed) or an error line. */
function tryEvict(api: Api, pod: KObject, run: EvictionRun, o: Sinks): 'evicted' | 'gone' | 'retry' | {error: string} {
  try {
    const grace = run.gracePeriod >= 0 ? {gracePeriodSeconds: run.gracePeriod} : {}
    evictPod(api, pod.metadata.namespace!, pod.metadata.name!, {...grace, dryRun: run.serverDryRun})
    return 'evicted'
  } catch (error) {
    if (isStatusError(error, 'NotFound')) return 'gone'
    if (isStatusError(error, 'TooManyRequests')) {
      o.err(`error when evicting ${podId(pod)} (will retry after 5s): ${error.message}\n`)
      return 'retry'
    }
    if (isStatusError(error)) return {error: `error when evicting ${podId(pod)}: ${error.message}`}
    throw error
  }
}

/** Evicts `run.pods`, retrying refusals, and waits for the evicted ones; returns the errors in the order they happened. */
export async function evictPods(api: Api, run: EvictionRun, o: Sinks): Promise<string[]> {
  const {clock} = run
  const deadline = run.timeoutMs > 0 ? clock.now() + run.timeoutMs : Infinity
  const errors: string[] = []
  let queue: Pending[] = run.pods.map((pod) => ({pod, at: clock.now()}))
  let waiting: KObject[] = []
  let waited = false
  while (queue.length > 0 || waiting.length > 0) {
    const now = clock.now()
    const due = queue.filter((p) => p.at <= now)
    queue = queue.filter((p) => p.at > now)
    for (const p of due) {
      o.out(`evicting pod ${p.pod.metadata.namespace}/${p.pod.metadata.name}${run.serverDryRun ? ' (server dry run)' : ''}\n`)
      if (now >= deadline) {
        errors.push(`error when evicting ${podId(p.pod)}: global timeout reached: ${goDuration(run.timeoutMs)}`)
        continue
      }
      const result = tryEvict(api, p.pod, run, o)
      if (result === 'retry') queue.push({pod: p.pod, at: now + EVICTION_RETRY_MS})
      else if (typeof result === 'object') errors.push(result.error)
      else if (result === 'evicted' && !run.serverDryRun) waiting.push(p.pod)
    }
    if (queue.length === 0 && waiting.length === 0) break
    // anything to wait for (a pod to go, a budget to change) needs the reconciler running
    if (!waited) {
      waited = true
      await run.beforeWait?.()
    }
    const retryAt = Math.min(...queue.map((p) => p.at))
    if (waiting.length === 0) {
      await clock.sleep(Math.max(0, retryAt - clock.now()))
      continue
    }
    // wait for the evicted pods until the next retry is due or the time is up
    const left = Math.max(0, Math.min(deadline, retryAt) - clock.now())
    waiting = await waitUntil(api, waiting, run.gone, {timeoutMs: left, kinds: ['Pod'], everyWake: true, clock})
    if (waiting.length > 0 && clock.now() >= deadline) {
      for (const p of waiting) errors.push(`error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`)
      waiting = []
    }
  }
  return errors
}
