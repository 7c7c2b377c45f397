// The PodTopologySpread filter (kube-scheduler's podtopologyspread plugin) for the pod's DoNotSchedule
// constraints: per constraint, the pods of the pod's namespace that match its labelSelector (the API
// server merged matchLabelKeys into it at create) and are not being deleted are counted per domain (the
// value of topologyKey on the nodes that carry every constraint's key and pass nodeAffinityPolicy and
// nodeTaintsPolicy). A node fails when placing the pod there would make its domain exceed the smallest
// domain by more than maxSkew (the smallest counts as 0 while there are fewer domains than minDomains).
import type {Node, Pod, TopologySpreadConstraint} from 'kubernetes-types/core/v1.js'

import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {matchesNodeRequirements, untoleratedTaint} from './node-affinity.js'

export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints"
export const REASON_SPREAD_LABEL = `${REASON_SPREAD} (missing required label)`

interface Constraint {
  maxSkew: number
  topologyKey: string
  selector: LabelSelector
  minDomains: number
  honorAffinity: boolean
  honorTaints: boolean
}

/** Counts per constraint and domain for one pod being scheduled. */
export interface SpreadState {
  pod: Pod
  constraints: Constraint[]
  /** per constraint: domain value to matching pods */
  counts: Map<string, number>[]
}

function toConstraint(c: TopologySpreadConstraint): Constraint | undefined {
  let selector: LabelSelector
  try {
    selector = labelSelectorFromObject(c.labelSelector)
  } catch {
    return undefined
  }
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector,
    minDomains: c.minDomains ?? 1,
    honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: c.nodeTaintsPolicy === 'Honor',
  }
}

const labelsOf = (node: Node): Record<string, string> => (node.metadata?.labels ?? {}) as Record<string, string>
const hasLabel = (node: Node, key: string): boolean => Object.prototype.hasOwnProperty.call(labelsOf(node), key)

/** Whether the node's domains count for constraint `c` of `pod` (all keys present, inclusion policies). */
function nodeCounts(s: SpreadState, c: Constraint, node: Node): boolean {
  if (!s.constraints.every((x) => hasLabel(node, x.topologyKey))) return false
  if (c.honorAffinity && !matchesNodeRequirements(s.pod, node)) return false
  return !(c.honorTaints && untoleratedTaint(s.pod, node))
}

/** Adds (`by` 1) or removes (-1) one existing pod on `node` from the counts (PreFilterExtensions). */
export function updateSpreadState(s: SpreadState, existing: Pod, node: Node, by: number): void {
  if (existing.metadata?.deletionTimestamp || existing.metadata?.namespace !== s.pod.metadata?.namespace) return
  s.constraints.forEach((c, i) => {
    if (!nodeCounts(s, c, node) || !matchLabelSelector(c.selector, existing.metadata?.labels)) return
    const v = labelsOf(node)[c.topologyKey]!
    s.counts[i]!.set(v, (s.counts[i]!.get(v) ?? 0) + by)
  })
}

/** PreFilter: undefined (the plugin skips) when the pod has no DoNotSchedule constraint. */
export function spreadPreFilter(pod: Pod, nodes: Node[], podsOn: (node: string) => readonly Pod[]): SpreadState | undefined {
  const raw = (pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule')
  if (raw.length === 0) return undefined
  const constraints = raw.flatMap((c) => toConstraint(c) ?? [])
  const s: SpreadState = {pod, constraints, counts: constraints.map(() => new Map())}
  for (const node of nodes) {
    // every eligible domain is counted, with no pods too
    constraints.forEach((c, i) => {
      if (nodeCounts(s, c, node)) {
        const v = labelsOf(node)[c.topologyKey]!
        if (!s.counts[i]!.has(v)) s.counts[i]!.set(v, 0)
      }
    })
    for (const p of podsOn(node.metadata?.name ?? '')) updateSpreadState(s, p, node, 1)
  }
  return s
}

/** Filter: the reason the node fails and whether preemption could help, or undefined. */
export function spreadFilter(s: SpreadState, node: Node): {reason: string; unresolvable: boolean} | undefined {
  const labels = labelsOf(node)
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!
    if (!hasLabel(node, c.topologyKey)) return {reason: REASON_SPREAD_LABEL, unresolvable: true}
    const counts = s.counts[i]!
    let min = counts.size < c.minDomains ? 0 : Infinity
    for (const n of counts.values()) if (n < min) min = n
    if (min === Infinity) min = 0
    const self = matchLabelSelector(c.selector, s.pod.metadata?.labels) ? 1 : 0
    if ((counts.get(labels[c.topologyKey]!) ?? 0) + self - min > c.maxSkew) return {reason: REASON_SPREAD, unresolvable: false}
  }
  return undefined
}
