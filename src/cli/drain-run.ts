// kubectl drain: cordon the node, pick its pods through drain's filters, evict them (the Eviction API:
// a DisruptionTarget condition and a graceful delete) and wait until each is gone, with kubectl's
// messages on stdout and stderr.
import type {PodCondition} from 'kubernetes-types/core/v1.js'
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'

import {isStatusError} from '../api/errors.js'
import {nodeType} from '../api/kinds/node.js'
import {podType} from '../api/kinds/pod.js'
import {rfc3339} from '../api/types.js'
import {cordonNode} from './cordon-run.js'
import {aggregate, podsForDeletion, type DrainFlags} from './drain-filters.js'

export interface DrainOptions extends DrainFlags {
  node: string
  /** --grace-period; negative: each pod's own */
  gracePeriod: number
  /** --timeout in ms; 0 waits forever */
  timeoutMs: number
  out(text: string): void
  err(text: string): void
  /** runs after the evictions are sent, before waiting (the CLI starts the reconciler here) */
  beforeWait?(): Promise<void>
  /** how often to look for the evicted pods; default 100 ms */
  pollMs?: number
}

const finished = (p: KObject): boolean => ['Succeeded', 'Failed'].includes((p.status as {phase?: string} | undefined)?.phase ?? '')

/** The Eviction API on one pod: false when it is already gone. */
export function evictPod(api: Api, pod: KObject, gracePeriod: number): boolean {
  const ns = pod.metadata.namespace!
  const name = pod.metadata.name!
  try {
    const current = api.get(podType, ns, name)
    if (!current.metadata.deletionTimestamp && !finished(current)) {
      api.modify(podType, ns, name, (p) => {
        const status = (p.status ?? {}) as {conditions?: PodCondition[]}
        const c = {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(api.clock.now()), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting'} as unknown as PodCondition
        const others = (status.conditions ?? []).filter((x) => x.type !== 'DisruptionTarget')
        status.conditions = [...others, c]
        p.status = status
      })
    }
    api.delete(podType, ns, name, {gracePeriodSeconds: gracePeriod >= 0 ? gracePeriod : undefined, preconditions: {uid: pod.metadata.uid}})
    return true
  } catch (error) {
    if (isStatusError(error, 'NotFound') || isStatusError(error, 'Conflict')) return false
    throw error
  }
}

const podsOn = (api: Api, node: string): KObject[] => api.list(podType, undefined).items.filter((p) => (p.spec as {nodeName?: string} | undefined)?.nodeName === node)

// prints kubectl's failure lines for the node; the caller exits 1
function failed(o: DrainOptions, errors: string[]): false {
  o.err(`error: unable to drain node "${o.node}" due to error: ${aggregate(errors)}, continuing command...\n`)
  o.err(`There are pending nodes to be drained:\n ${o.node}\n`)
  for (const e of errors) o.err(`${e}\n`)
  return false
}

/** Runs `drain NODE`; false when it failed (its messages already printed). A missing node throws NotFound. */
export async function runDrain(api: Api, o: DrainOptions): Promise<boolean> {
  api.get(nodeType, '', o.node)
  o.out(cordonNode(api, o.node, true))
  const plan = podsForDeletion(api, podsOn(api, o.node), o)
  if (plan.errors.length > 0) return failed(o, plan.errors)
  if (plan.warnings) o.err(`Warning: ${plan.warnings}\n`)
  const deadline = o.timeoutMs > 0 ? Date.now() + o.timeoutMs : Infinity
  let waiting: KObject[] = []
  for (const pod of plan.pods) {
    o.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`)
    if (evictPod(api, pod, o.gracePeriod)) waiting.push(pod)
  }
  if (waiting.length > 0) await o.beforeWait?.()
  while (waiting.length > 0) {
    waiting = waiting.filter((pod) => {
      const now = api.peek('Pod', pod.metadata.namespace!, pod.metadata.name!)
      if (now && now.metadata.uid === pod.metadata.uid) return true
      o.out(`pod/${pod.metadata.name} evicted\n`)
      return false
    })
    if (waiting.length === 0) break
    if (Date.now() >= deadline) {
      const errors = waiting.map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`)
      const pending = podsForDeletion(api, podsOn(api, o.node), o).pods
      if (pending.length > 0) o.err(`There are pending pods in node "${o.node}" when an error occurred: ${aggregate(errors)}\n${pending.map((p) => `pod/${p.metadata.name}\n`).join('')}`)
      return failed(o, errors)
    }
    await new Promise((r) => setTimeout(r, Math.min(o.pollMs ?? 100, Math.max(1, deadline - Date.now()))))
  }
  o.out(`node/${o.node} drained\n`)
  return true
}
