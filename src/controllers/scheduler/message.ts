// The FailedScheduling message (framework.FitError.Error()): `0/<N> nodes are available: ` then the
// per-node reasons counted, rendered `<count> <reason>`, sorted as strings and joined with `, `, then
// `.`; followed by DefaultPreemption's PostFilter message, itself a FitError over the dry run
// (`preemption: 0/<N> nodes are available: <N> Preemption is not helpful for scheduling.`).
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {FilterFailure} from './filters.js'
import type {CycleState, Snapshot} from './cycle-state.js'

import {filterNode} from './filters.js'
import {addPod, type NodeUsage} from './pod-resources.js'
import {withoutPods} from './cycle-state.js'

/** ErrNoNodesAvailable */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods'
const NOT_HELPFUL = 'Preemption is not helpful for scheduling'
const NO_VICTIMS = 'No preemption victims found for incoming pod'

/** `0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.` */
export function fitErrorMessage(numNodes: number, reasons: string[]): string {
  const counts = new Map<string, number>()
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  return `0/${numNodes} nodes are available:${parts.length ? ` ${parts.join(', ')}.` : ''}`
}

const priorityOf = (p: Pod): number => p.spec?.priority ?? 0

/**
 * DefaultPreemption's verdict, as its message: nodes rejected for reasons preemption cannot fix are
 * "not helpful"; the others are dry-run with every lower-priority pod removed. Undefined when some
 * node would fit after preemption (the scheduler then nominates it; ksim does not preempt).
 */
export function preemptionMessage(pod: Pod, snap: Snapshot, cycle: CycleState, failures: Map<string, FilterFailure>): string | undefined {
  const nodes = snap.nodes
  if (pod.spec?.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.'
  const reasons: string[] = []
  for (const node of nodes) {
    const name = node.metadata?.name ?? ''
    const f = failures.get(name)
    if (!f || f.unresolvable) {
      reasons.push(NOT_HELPFUL)
      continue
    }
    const pods = snap.podsOn(name)
    const kept = pods.filter((p) => priorityOf(p) >= priorityOf(pod))
    if (kept.length === pods.length) {
      reasons.push(NO_VICTIMS)
      continue
    }
    const usage: NodeUsage = {pods: 0, requested: {milliCPU: 0, memory: 0}, nonZeroRequested: {milliCPU: 0, memory: 0}}
    for (const p of kept) addPod(usage, p)
    const after = filterNode(pod, node, usage, withoutPods(cycle, pods.filter((p) => priorityOf(p) < priorityOf(pod)), node))
    if (!after) return undefined
    reasons.push(...after.reasons)
  }
  return `preemption: ${fitErrorMessage(nodes.length, reasons)}`
}

/** The whole message the event and the PodScheduled condition carry. */
export function failedSchedulingMessage(pod: Pod, snap: Snapshot, cycle: CycleState, failures: Map<string, FilterFailure>): string {
  const nodes = snap.nodes
  if (nodes.length === 0) return NO_NODES_MESSAGE
  const filterMsg = fitErrorMessage(nodes.length, nodes.flatMap((n) => failures.get(n.metadata?.name ?? '')?.reasons ?? []))
  const post = preemptionMessage(pod, snap, cycle, failures)
  return post ? `${filterMsg} ${post}` : filterMsg
}
