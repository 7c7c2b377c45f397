// One scheduling attempt for one pod, as schedule_one.go runs it: PreFilter, Filter on every node (with
// the pods nominated to a node at this pod's priority or above counted as if there), the nominated node
// first when the pod has one and it fits, else the best scored node; when none fits, the FailedScheduling
// message and DefaultPreemption's outcome.
import type {Node, Pod} from 'kubernetes-types/core/v1.js'
import type {Snapshot} from './cycle-state.js'
import type {PodDisruptionBudgetLike} from './pdb.js'
import type {Candidate} from './preemption.js'

import {preFilter} from './cycle-state.js'
import {filterNode, type FilterFailure} from './filters.js'
import {failedScheduling} from './message.js'
import {addPod, type NodeUsage} from './pod-resources.js'
import {priorityOf} from './preemption.js'
import {selectHost} from './score.js'

/** The outcome of one scheduling attempt. */
export type Decision =
  | {node: string}
  | {
      message: string
      /** rejected for other pods' placement (affinity, spread): worth retrying when pods are bound */
      waitsForPods: boolean
      /** the node to nominate and the victims to preempt there */
      preemption?: Candidate
      /** preemption found nothing: a nomination the pod had is cleared */
      clearNomination: boolean
    }

/** The pass's usage of each node plus the pods nominated to it that `pod` must leave room for. */
function usageWithNominated(pod: Pod, name: string, usage: Map<string, NodeUsage>, nominated: Map<string, Pod[]>): NodeUsage {
  const base = usage.get(name)!
  const others = (nominated.get(name) ?? []).filter((p) => p.metadata?.uid !== pod.metadata?.uid && priorityOf(p) >= priorityOf(pod))
  if (others.length === 0) return base
  const u: NodeUsage = {pods: base.pods, requested: {...base.requested}, nonZeroRequested: {...base.nonZeroRequested}}
  for (const p of others) addPod(u, p)
  return u
}

/** minFeasibleNodesToFind: a cluster smaller than this has every node filtered and scored */
const MIN_FEASIBLE_NODES_TO_FIND = 100
/** minFeasibleNodesPercentageToFind */
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

/**
 * numFeasibleNodesToFind with percentageOfNodesToScore unset (0): the feasible nodes after which the
 * scheduler stops filtering, 50 % less one point per 125 nodes (at least 5 %), at least 100 nodes.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125))
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.trunc((numAllNodes * percentage) / 100))
}

/** Where the next attempt starts filtering (the scheduler's nextStartNodeIndex), so every node gets its turn. */
export interface FilterCursor {
  next: number
}

/**
 * Schedules one pod against the nodes and what their pods use: the nominated node first; else filters
 * the nodes from `cursor` on, stopping once numFeasibleNodesToFind pass, and scores those.
 */
export function decide(
  pod: Pod,
  snap: Snapshot,
  usage: Map<string, NodeUsage>,
  nominated: Map<string, Pod[]>,
  pdbs: PodDisruptionBudgetLike[],
  nowMs: number,
  cursor: FilterCursor = {next: 0},
): Decision {
  const failures = new Map<string, FilterFailure>()
  const cycle = preFilter(pod, snap)
  const check = (node: Node): FilterFailure | undefined => filterNode(pod, node, usageWithNominated(pod, node.metadata?.name ?? '', usage, nominated), cycle)
  // evaluateNominatedNode: a pod nominated by an earlier preemption goes there when it fits now
  const mine = pod.status?.nominatedNodeName
  const nominee = mine ? snap.nodes.find((n) => n.metadata?.name === mine) : undefined
  if (mine && nominee && !check(nominee)) return {node: mine}
  const nodes = snap.nodes
  const want = numFeasibleNodesToFind(nodes.length)
  const feasible: Node[] = []
  let processed = 0
  for (; processed < nodes.length && feasible.length < want; processed++) {
    const node = nodes[(cursor.next + processed) % nodes.length]!
    const f = check(node)
    if (f) failures.set(node.metadata?.name ?? '', f)
    else feasible.push(node)
  }
  if (nodes.length > 0) cursor.next = (cursor.next + processed) % nodes.length
  const best = selectHost(pod, feasible, snap, usage)
  if (best !== undefined) return {node: best}
  const {message, preemption} = failedScheduling(pod, snap, cycle, failures, pdbs, nowMs)
  const noCandidates = !preemption && message.includes(' preemption: 0/')
  return {message, preemption, waitsForPods: cycle.affinity !== undefined || cycle.spread !== undefined, clearNomination: noCandidates && Boolean(mine)}
}
