// The InterPodAffinity filter (kube-scheduler's interpodaffinity plugin): before the nodes are filtered
// it counts, per topology pair (label key and value of the node a pod runs on), the existing pods that
// match each of the incoming pod's required affinity and anti-affinity terms, and the existing pods whose
// own required anti-affinity terms match the incoming pod. A node is then checked in that plugin's order:
// affinity (unresolvable by preemption), the pod's anti-affinity, the existing pods' anti-affinity.
import type {Node, Pod, PodAffinityTerm} from 'kubernetes-types/core/v1.js'

import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'

export const REASON_POD_AFFINITY = "node(s) didn't match pod affinity rules"
export const REASON_POD_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"

/** A PodAffinityTerm as the scheduler works with it (framework.AffinityTerm). */
export interface AffinityTerm {
  /** the namespaces listed (the pod's own when neither namespaces nor namespaceSelector is given) */
  namespaces: Set<string>
  /** namespaceSelector: absent matches no namespace, `{}` every one */
  namespaceSelector: LabelSelector
  selector: LabelSelector
  topologyKey: string
}

/** Labels of a namespace by name (undefined when it does not exist). */
export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined

export function toTerm(pod: Pod, t: PodAffinityTerm): AffinityTerm | undefined {
  let selector: LabelSelector
  let namespaceSelector: LabelSelector
  try {
    selector = labelSelectorFromObject(t.labelSelector)
    namespaceSelector = labelSelectorFromObject(t.namespaceSelector)
  } catch {
    return undefined
  }
  const namespaces = new Set(t.namespaces ?? [])
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? '')
  return {namespaces, namespaceSelector, selector, topologyKey: t.topologyKey}
}

const termMemo = [new WeakMap<Pod, AffinityTerm[]>(), new WeakMap<Pod, AffinityTerm[]>()]

/** The pod's required affinity (`anti` false) or anti-affinity terms, worked out once per frozen pod. */
export function requiredTerms(pod: Pod, anti: boolean): AffinityTerm[] {
  const a = pod.spec?.affinity
  const raw = (anti ? a?.podAntiAffinity : a?.podAffinity)?.requiredDuringSchedulingIgnoredDuringExecution
  if (!raw || raw.length === 0) return []
  const memo = termMemo[anti ? 1 : 0]!
  const hit = memo.get(pod)
  if (hit) return hit
  const terms = raw.flatMap((t) => toTerm(pod, t) ?? [])
  if (Object.isFrozen(pod)) memo.set(pod, terms)
  return terms
}

/** AffinityTerm.Matches: the pod's namespace is named or selected, and its labels match. */
export function termMatches(t: AffinityTerm, pod: Pod, nsLabels: NamespaceLabels): boolean {
  const ns = pod.metadata?.namespace ?? ''
  if (!t.namespaces.has(ns)) {
    const labels = t.namespaceSelector.nothing ? undefined : nsLabels(ns)
    if (!labels || !matchLabelSelector(t.namespaceSelector, labels)) return false
  }
  return matchLabelSelector(t.selector, pod.metadata?.labels)
}

const pairKey = (key: string, value: string): string => `${key}\u0000${value}`
const labelsOf = (node: Node): Record<string, string> => (node.metadata?.labels ?? {}) as Record<string, string>

/** Counts per topology pair, for one pod being scheduled (the plugin's preFilterState). */
export interface AffinityState {
  pod: Pod
  affinityTerms: AffinityTerm[]
  antiTerms: AffinityTerm[]
  affinityCounts: Map<string, number>
  antiCounts: Map<string, number>
  existingAntiCounts: Map<string, number>
  nsLabels: NamespaceLabels
}

function bump(m: Map<string, number>, node: Node, key: string, by: number): void {
  const labels = labelsOf(node)
  if (!Object.prototype.hasOwnProperty.call(labels, key)) return
  const k = pairKey(key, labels[key]!)
  const v = (m.get(k) ?? 0) + by
  if (v === 0) m.delete(k)
  else m.set(k, v)
}

/** Adds (`by` 1) or removes (-1) one existing pod on `node` from the counts (PreFilterExtensions). */
export function updateAffinityState(s: AffinityState, existing: Pod, node: Node, by: number): void {
  for (const t of requiredTerms(existing, true)) if (termMatches(t, s.pod, s.nsLabels)) bump(s.existingAntiCounts, node, t.topologyKey, by)
  if (s.affinityTerms.length > 0 && s.affinityTerms.every((t) => termMatches(t, existing, s.nsLabels))) {
    for (const t of s.affinityTerms) bump(s.affinityCounts, node, t.topologyKey, by)
  }
  for (const t of s.antiTerms) if (termMatches(t, existing, s.nsLabels)) bump(s.antiCounts, node, t.topologyKey, by)
}

/**
 * PreFilter: undefined (the plugin skips) when neither the pod nor any pod in `withAnti` (the bound
 * pods that have required anti-affinity) has required terms.
 */
export function affinityPreFilter(pod: Pod, nodes: Node[], podsOn: (node: string) => readonly Pod[], withAnti: number, nsLabels: NamespaceLabels): AffinityState | undefined {
  const affinityTerms = requiredTerms(pod, false)
  const antiTerms = requiredTerms(pod, true)
  if (affinityTerms.length === 0 && antiTerms.length === 0 && withAnti === 0) return undefined
  const s: AffinityState = {pod, affinityTerms, antiTerms, affinityCounts: new Map(), antiCounts: new Map(), existingAntiCounts: new Map(), nsLabels}
  for (const node of nodes) for (const p of podsOn(node.metadata?.name ?? '')) updateAffinityState(s, p, node, 1)
  return s
}

/** Filter: the reason the node fails and whether preemption could help, or undefined. */
export function interPodAffinityFilter(s: AffinityState, node: Node): {reason: string; unresolvable: boolean} | undefined {
  const labels = labelsOf(node)
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(labels, k)
  let podsExist = true
  for (const t of s.affinityTerms) {
    if (!has(t.topologyKey)) return {reason: REASON_POD_AFFINITY, unresolvable: true}
    if ((s.affinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey]!)) ?? 0) <= 0) podsExist = false
  }
  // the first pod of a group that is affine to itself may go anywhere the topology keys exist
  if (!podsExist && !(s.affinityCounts.size === 0 && s.affinityTerms.every((t) => termMatches(t, s.pod, s.nsLabels)))) {
    return {reason: REASON_POD_AFFINITY, unresolvable: true}
  }
  if (s.antiCounts.size > 0) {
    for (const t of s.antiTerms) {
      if (has(t.topologyKey) && (s.antiCounts.get(pairKey(t.topologyKey, labels[t.topologyKey]!)) ?? 0) > 0) return {reason: REASON_POD_ANTI_AFFINITY, unresolvable: false}
    }
  }
  if (s.existingAntiCounts.size > 0) {
    for (const [k, v] of Object.entries(labels)) if ((s.existingAntiCounts.get(pairKey(k, v)) ?? 0) > 0) return {reason: REASON_EXISTING_ANTI_AFFINITY, unresolvable: false}
  }
  return undefined
}
