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

/** Schedules one pod against the nodes and what their pods use: filters, then scores the nodes that pass. */
export function decide(pod: Pod, snap: Snapshot, usage: Map<string, NodeUsage>, nominated: Map<string, Pod[]>, pdbs: PodDisruptionBudgetLike[], nowMs: number): Decision {
  const failures = new Map<string, FilterFailure>()
  const cycle = preFilter(pod, snap)
  const feasible: Node[] = []
  for (const node of snap.nodes) {
    const name = node.metadata?.name ?? ''
    const f = filterNode(pod, node, usageWithNominated(pod, name, usage, nominated), cycle)
    if (f) failures.set(name, f)
    else feasible.push(node)
  }
  const mine = pod.status?.nominatedNodeName
  if (mine && feasible.some((n) => n.metadata?.name === mine)) return {node: mine}
  const best = selectHost(pod, feasible, snap, usage)
  if (best !== undefined) return {node: best}
  const {message, preemption} = failedScheduling(pod, snap, cycle, failures, pdbs, nowMs)
  const noCandidates = !preemption && message.includes(' preemption: 0/')
  return {message, preemption, waitsForPods: cycle.affinity !== undefined || cycle.spread !== undefined, clearNomination: noCandidates && Boolean(mine)}
}
