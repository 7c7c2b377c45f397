// kubectl drain: cordon the node, pick its pods through drain's filters, evict them (the Eviction API:
// a DisruptionTarget condition and a graceful delete) and wait until each is gone, with kubectl's
// messages on stdout and stderr.
import type {PodCondition} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {podType} from '../../api/kinds/pod.js'
import {rfc3339} from '../../api/types.js'
import {cordonNode} from './cordon.js'
import {aggregate, podsForDeletion, shouldSkipPod} from './drain-filters.js'
import type {DrainFlags} from './drain-flags.js'
import type {WaitSinks} from './sinks.js'
import {realClock, waitUntil} from '../resource/wait.js'
import {dryRunSuffix, printerFor} from '../print/print-flags.js'

/** The DisruptionTarget condition the Eviction API adds: the API server writes its lastProbeTime as null. */
type EvictionCondition = Omit<PodCondition, 'lastProbeTime'> & {lastProbeTime: null}

const finished = (p: KObject): boolean => ['Succeeded', 'Failed'].includes((p.status as {phase?: string} | undefined)?.phase ?? '')

/** The Eviction API on one pod: false when it is already gone. With `dryRun`, nothing changes. */
export function evictPod(api: Api, pod: KObject, gracePeriod: number, dryRun = false): boolean {
  const ns = pod.metadata.namespace!
  const name = pod.metadata.name!
  try {
    const current = api.get(podType, ns, name)
    if (dryRun) return true
    if (!current.metadata.deletionTimestamp && !finished(current)) {
      api.modify(podType, ns, name, (p) => {
        const status = (p.status ?? {}) as {conditions?: (PodCondition | EvictionCondition)[]}
        const c: EvictionCondition = {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(api.clock.now()), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting'}
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

/** DELETE of one pod (drain --disable-eviction): false when it is already gone. */
function deletePod(api: Api, pod: KObject, gracePeriod: number, dryRun: boolean): boolean {
  try {
    api.delete(podType, pod.metadata.namespace!, pod.metadata.name!, {gracePeriodSeconds: gracePeriod >= 0 ? gracePeriod : undefined, dryRun})
    return true
  } catch (error) {
    if (isStatusError(error, 'NotFound')) return false
    throw error
  }
}

const podsOn = (api: Api, node: string, podSelector: string | undefined): KObject[] =>
  api.list(podType, undefined, {labelSelector: podSelector}).items.filter((p) => (p.spec as {nodeName?: string} | undefined)?.nodeName === node)

/**
 * Evicts (or deletes) one node's pods and waits until they are gone, printing kubectl's lines; returns
 * the errors that stop the node from being drained (none: drained).
 */
async function drainNode(api: Api, node: string, flags: DrainFlags, timeoutMs: number, o: WaitSinks): Promise<string[]> {
  const dryRun = flags['dry-run']
  const podSelector = flags['pod-selector'] || undefined
  const gracePeriod = flags['grace-period']
  const skipSeconds = flags['skip-wait-for-delete-timeout']
  const plan = podsForDeletion(api, podsOn(api, node, podSelector), flags)
  if (plan.errors.length > 0) return plan.errors
  if (plan.warnings) o.err(`Warning: ${plan.warnings}\n`)
  if (dryRun === 'client') {
    for (const pod of plan.pods) o.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${dryRunSuffix(dryRun)}\n`)
    return []
  }
  const deadline = timeoutMs > 0 ? realClock.now() + timeoutMs : Infinity
  let waiting: KObject[] = []
  for (const pod of plan.pods) {
    if (flags['disable-eviction']) {
      if (deletePod(api, pod, gracePeriod, dryRun === 'server')) waiting.push(pod)
      continue
    }
    o.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${dryRunSuffix(dryRun)}\n`)
    if (evictPod(api, pod, gracePeriod, dryRun === 'server')) waiting.push(pod)
  }
  if (dryRun === 'server') return []
  if (waiting.length > 0) await o.beforeWait?.()
  const done = flags['disable-eviction'] ? 'deleted' : 'evicted'
  const gone = (pod: KObject): boolean => {
    const now = api.peek('Pod', pod.metadata.namespace!, pod.metadata.name!)
    if (now && now.metadata.uid === pod.metadata.uid) {
      if (!shouldSkipPod(now, skipSeconds, api.clock.now())) return false
      o.out(`pod "${pod.metadata.name}" has DeletionTimestamp older than ${skipSeconds} seconds, skipping\n`)
      return true
    }
    o.out(`pod/${pod.metadata.name} ${done}\n`)
    return true
  }
  // shouldSkipPod reads the clock: every wake-up checks again, not only a change to the pods
  waiting = await waitUntil(api, waiting, gone, {timeoutMs: Math.max(0, deadline - realClock.now()), kinds: ['Pod'], everyWake: true})
  if (waiting.length > 0) {
    const errors = waiting.map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`)
    const pending = podsForDeletion(api, podsOn(api, node, podSelector), flags).pods
    if (pending.length > 0) o.err(`There are pending pods in node "${node}" when an error occurred: ${aggregate(errors)}\n${pending.map((p) => `pod/${p.metadata.name}\n`).join('')}`)
    return errors
  }
  return []
}

/**
 * Runs `drain` on the nodes chosen (chooseNodes), with its parsed flags and --timeout: cordons every node, then drains them one after another, going on past a node that
 * fails; returns the closing errors when one did (each node's failure was printed as it happened).
 */
export async function runDrain(api: Api, nodes: KObject[], flags: DrainFlags, timeoutMs: number, o: WaitSinks): Promise<string[]> {
  for (const node of nodes) o.out(cordonNode(api, node, true, flags['dry-run']))
  const failed: {node: string; errors: string[]}[] = []
  const printer = printerFor(undefined, {operation: 'drained', dryRun: flags['dry-run']})
  for (const obj of nodes) {
    const node = obj.metadata.name!
    const errors = await drainNode(api, node, flags, timeoutMs, o)
    if (errors.length === 0) {
      o.out(printer.print(obj))
      continue
    }
    o.err(`error: unable to drain node "${node}" due to error: ${aggregate(errors)}, continuing command...\n`)
    failed.push({node, errors})
  }
  if (failed.length === 0) return []
  const errors = [`There are pending nodes to be drained:\n${failed.map((f) => ` ${f.node}\n`).join('')}`]
  // kubectl prints the aggregate of the nodes' errors one per line (one node's own errors, one per line)
  const lines = failed.length === 1 ? failed[0]!.errors : failed.map((f) => aggregate(f.errors))
  for (const line of lines) errors.push(`${line}\n`)
  return errors
}
