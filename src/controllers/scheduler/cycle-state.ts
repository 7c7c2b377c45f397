// What the scheduler knows in one pass (the snapshot: nodes, the pods bound to each, namespace labels)
// and the per-pod state its PreFilter plugins compute from it (InterPodAffinity, PodTopologySpread).
// Both plugins skip, at no cost, for a pod that uses neither feature when no bound pod has required
// anti-affinity.
import type {Node, Pod} from 'kubernetes-types/core/v1.js'

import type {LabelSelector} from '../../machinery/labels.js'
import {affinityPreFilter, updateAffinityState, type AffinityState, type NamespaceLabels} from './inter-pod-affinity.js'
import {spreadPreFilter, updateSpreadState, type SpreadState} from './topology-spread.js'

export interface Snapshot {
  /** sorted by name */
  nodes: Node[]
  /** the non-terminal pods bound to a node */
  podsOn: (node: string) => readonly Pod[]
  /** how many bound pods have required pod anti-affinity */
  withAnti: number
  /** how many bound pods have pod affinity or anti-affinity of any kind */
  withAffinity: number
  nsLabels: NamespaceLabels
  /** helper.DefaultSelector: the labels the Services, ReplicaSet, ReplicationController or StatefulSet selecting the pod select */
  defaultSelector: (pod: Pod) => LabelSelector | undefined
}

export interface CycleState {
  affinity?: AffinityState
  spread?: SpreadState
}

/** The PreFilter plugins' state for `pod`. */
export function preFilter(pod: Pod, snap: Snapshot): CycleState {
  return {
    affinity: affinityPreFilter(pod, snap.nodes, snap.podsOn, snap.withAnti, snap.nsLabels),
    spread: spreadPreFilter(pod, snap.nodes, snap.podsOn),
  }
}

const cloneMaps = (ms: Map<string, number>[]): Map<string, number>[] => ms.map((m) => new Map(m))

/** A copy of the state with `removed` (pods on `node`) taken away, as preemption's dry run needs. */
export function withoutPods(cycle: CycleState, removed: readonly Pod[], node: Node): CycleState {
  const next: CycleState = {}
  if (cycle.affinity) {
    const a = cycle.affinity
    next.affinity = {...a, affinityCounts: new Map(a.affinityCounts), antiCounts: new Map(a.antiCounts), existingAntiCounts: new Map(a.existingAntiCounts)}
    for (const p of removed) updateAffinityState(next.affinity, p, node, -1)
  }
  if (cycle.spread) {
    next.spread = {...cycle.spread, counts: cloneMaps(cycle.spread.counts)}
    for (const p of removed) updateSpreadState(next.spread, p, node, -1)
  }
  return next
}

/** Adds one pod bound to `node` back into the state (in place). */
export function addToCycle(cycle: CycleState, p: Pod, node: Node): void {
  if (cycle.affinity) updateAffinityState(cycle.affinity, p, node, 1)
  if (cycle.spread) updateSpreadState(cycle.spread, p, node, 1)
}

/** Whether a pod has required pod anti-affinity (it then constrains every later pod). */
export const hasRequiredAntiAffinity = (p: Pod): boolean => (p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0
