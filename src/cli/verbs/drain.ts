// kubectl drain: cordon the node, pick its pods through drain's filters, evict them (the Eviction API,
// retried while a PodDisruptionBudget refuses: drain-evict.ts) or delete them (--disable-eviction) and
// wait until each is gone, with kubectl's messages on stdout and stderr.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {podType} from '../../api/kinds/pod.js'
import {cordonNode} from './cordon.js'
import {aggregate, podsForDeletion, shouldSkipPod} from './drain-filters.js'
import type {DrainFlags} from './drain-flags.js'
import type {WaitSinks} from './sinks.js'
import {realClock, type WaitClock, waitUntil} from '../resource/wait.js'
import {type EvictionRun, evictPods} from './drain-evict.js'
import {dryRunSuffix, printerFor} from '../print/print-flags.js'

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

/** --disable-eviction: deletes every pod (no budget is consulted), then waits until they are gone. */
async function deletePods(api: Api, pods: KObject[], run: Omit<EvictionRun, 'pods'>): Promise<string[]> {
  let waiting = pods.filter((pod) => deletePod(api, pod, run.gracePeriod, run.serverDryRun))
  if (run.serverDryRun) return []
  if (waiting.length > 0) await run.beforeWait?.()
  waiting = await waitUntil(api, waiting, run.gone, {timeoutMs: run.timeoutMs > 0 ? run.timeoutMs : Infinity, kinds: ['Pod'], everyWake: true, clock: run.clock})
  return waiting.map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`)
}

const podsOn = (api: Api, node: string, podSelector: string | undefined): KObject[] =>
  api.list(podType, undefined, {labelSelector: podSelector}).items.filter((p) => (p.spec as {nodeName?: string} | undefined)?.nodeName === node)

/**
 * Evicts (or deletes) one node's pods and waits until they are gone, printing kubectl's lines; returns
 * the errors that stop the node from being drained (none: drained).
 */
async function drainNode(api: Api, node: string, flags: DrainFlags, timeoutMs: number, o: WaitSinks, clock: WaitClock): Promise<string[]> {
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
  const gone = (pod: KObject): boolean => {
    const now = api.peek('Pod', pod.metadata.namespace!, pod.metadata.name!)
    if (now && now.metadata.uid === pod.metadata.uid) {
      if (!shouldSkipPod(now, skipSeconds, api.clock.now())) return false
      o.out(`pod "${pod.metadata.name}" has DeletionTimestamp older than ${skipSeconds} seconds, skipping\n`)
      return true
    }
    o.out(`pod/${pod.metadata.name} ${flags['disable-eviction'] ? 'deleted' : 'evicted'}\n`)
    return true
  }
  let errors: string[]
  if (flags['disable-eviction']) errors = await deletePods(api, plan.pods, {gracePeriod, serverDryRun: dryRun === 'server', timeoutMs, clock, gone, beforeWait: o.beforeWait})
  else errors = await evictPods(api, {pods: plan.pods, gracePeriod, serverDryRun: dryRun === 'server', timeoutMs, clock, gone, beforeWait: o.beforeWait}, o)
  if (errors.length > 0) {
    const pending = podsForDeletion(api, podsOn(api, node, podSelector), flags).pods
    if (pending.length > 0) o.err(`There are pending pods in node "${node}" when an error occurred: ${aggregate(errors)}\n${pending.map((p) => `pod/${p.metadata.name}\n`).join('')}`)
    return errors
  }
  return []
}

/**
 * Runs `drain` on the nodes chosen (chooseNodes), with its parsed flags and --timeout (on `clock`): cordons every node, then drains them one after another, going on past a node that
 * fails; returns the closing errors when one did (each node's failure was printed as it happened).
 */
export async function runDrain(api: Api, nodes: KObject[], flags: DrainFlags, timeoutMs: number, o: WaitSinks, clock: WaitClock = realClock): Promise<string[]> {
  for (const node of nodes) o.out(cordonNode(api, node, true, flags['dry-run']))
  const failed: {node: string; errors: string[]}[] = []
  const printer = printerFor(undefined, {operation: 'drained', dryRun: flags['dry-run']})
  for (const obj of nodes) {
    const node = obj.metadata.name!
    const errors = await drainNode(api, node, flags, timeoutMs, o, clock)
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
