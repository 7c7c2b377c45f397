// The default scheduler's filter plugins, in the default profile's order (NodeUnschedulable, NodeName,
// TaintToleration, NodeAffinity, NodeResourcesFit, PodTopologySpread, InterPodAffinity), with their
// reason strings; the first plugin that rejects a node decides. Also the least-allocated score used to pick among the nodes that pass.
import type {Node, Pod} from 'kubernetes-types/core/v1.js'
import type {NodeUsage} from './pod-resources.js'
import type {CycleState} from './cycle-state.js'

import {UNSCHEDULABLE_TAINT, matchesNodeRequirements, toleratesTaint, untoleratedTaint} from './node-affinity.js'
import {allocatable, podRequests} from './pod-resources.js'
import {interPodAffinityFilter} from './inter-pod-affinity.js'
import {spreadFilter} from './topology-spread.js'

/** A node's rejection: its reasons and whether removing pods (preemption) could help. */
export interface FilterFailure {
  reasons: string[]
  /** UnschedulableAndUnresolvable: preemption is not helpful */
  unresolvable: boolean
}

/** NodeUnschedulable's reason. */
export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
/** NodeName's reason. */
export const REASON_NODE_NAME = "node(s) didn't match the requested node name"
/** TaintToleration's reason (older releases named the taint: `node(s) had untolerated taint {k: v}`). */
export const REASON_TAINT = 'node(s) had untolerated taint(s)'
/** NodeAffinity's reason, for nodeSelector and required affinity alike. */
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector"

/** NodeResourcesFit: too many pods, then each resource the pod requests more of than is left. */
export function resourceFit(pod: Pod, node: Node, usage: NodeUsage): FilterFailure | undefined {
  const alloc = allocatable(node)
  const req = podRequests(pod)
  const reasons: string[] = []
  let unresolvable = false
  if (usage.pods + 1 > alloc.pods) reasons.push('Too many pods')
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - usage.requested.milliCPU) {
    reasons.push('Insufficient cpu')
    unresolvable ||= req.milliCPU > alloc.milliCPU
  }
  if (req.memory > 0 && req.memory > alloc.memory - usage.requested.memory) {
    reasons.push('Insufficient memory')
    unresolvable ||= req.memory > alloc.memory
  }
  return reasons.length ? {reasons, unresolvable} : undefined
}

/** Runs the filters for one node; undefined when the pod fits. `cycle` is the PreFilter state, if any. */
export function filterNode(pod: Pod, node: Node, usage: NodeUsage, cycle: CycleState = {}): FilterFailure | undefined {
  if (node.spec?.unschedulable && !(pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, UNSCHEDULABLE_TAINT))) {
    return {reasons: [REASON_UNSCHEDULABLE], unresolvable: true}
  }
  if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata?.name) return {reasons: [REASON_NODE_NAME], unresolvable: true}
  if (untoleratedTaint(pod, node)) return {reasons: [REASON_TAINT], unresolvable: true}
  if (!matchesNodeRequirements(pod, node)) return {reasons: [REASON_AFFINITY], unresolvable: true}
  const fit = resourceFit(pod, node, usage)
  if (fit) return fit
  const spread = cycle.spread && spreadFilter(cycle.spread, node)
  if (spread) return {reasons: [spread.reason], unresolvable: spread.unresolvable}
  const affinity = cycle.affinity && interPodAffinityFilter(cycle.affinity, node)
  if (affinity) return {reasons: [affinity.reason], unresolvable: affinity.unresolvable}
  return undefined
}

/**
 * NodeResourcesFit's LeastAllocated score (cpu and memory weighted equally, 0–100): the share of
 * each resource left free once the pod is placed, counting requests as the scheduler does for
 * scoring (100m cpu / 200Mi memory for containers that request nothing).
 */
export function leastAllocatedScore(pod: Pod, node: Node, usage: NodeUsage): number {
  const alloc = allocatable(node)
  const req = podRequests(pod, true)
  const score = (requested: number, capacity: number): number => (capacity === 0 || requested > capacity ? 0 : Math.floor(((capacity - requested) * 100) / capacity))
  const cpu = score(usage.nonZeroRequested.milliCPU + req.milliCPU, alloc.milliCPU)
  const mem = score(usage.nonZeroRequested.memory + req.memory, alloc.memory)
  return Math.floor((cpu + mem) / 2)
}
