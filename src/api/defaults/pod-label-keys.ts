// What the API server does with matchLabelKeys and mismatchLabelKeys when a pod is created
// (pod strategy's PrepareForCreate, MatchLabelKeysInPodAffinity and
// MatchLabelKeysInPodTopologySpreadSelectorMerge): each key the pod has a label for becomes a
// `key In (value)` (or, for mismatchLabelKeys, `key NotIn (value)`) expression appended to the term's
// labelSelector. A term without a labelSelector (it matches nothing) is left alone.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {Pod, PodAffinityTerm} from 'kubernetes-types/core/v1.js'

function applyKeys(selector: LabelSelector, keys: string[] | undefined, operator: 'In' | 'NotIn', labels: Record<string, string>): void {
  for (const key of keys ?? []) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) continue
    selector.matchExpressions = [...(selector.matchExpressions ?? []), {key, operator, values: [labels[key]!]}]
  }
}

function applyToTerm(term: PodAffinityTerm | undefined, labels: Record<string, string>): void {
  if (!term?.labelSelector || ((term.matchLabelKeys ?? []).length === 0 && (term.mismatchLabelKeys ?? []).length === 0)) return
  applyKeys(term.labelSelector, term.matchLabelKeys, 'In', labels)
  applyKeys(term.labelSelector, term.mismatchLabelKeys, 'NotIn', labels)
}

/** Merges the label keys into the selectors of the pod's affinity terms and spread constraints, in place. */
export function mergeLabelKeysIntoSelectors(pod: Pod): void {
  const labels = (pod.metadata?.labels ?? {}) as Record<string, string>
  const affinity = pod.spec?.affinity
  for (const a of [affinity?.podAffinity, affinity?.podAntiAffinity]) {
    for (const w of a?.preferredDuringSchedulingIgnoredDuringExecution ?? []) applyToTerm(w.podAffinityTerm, labels)
    for (const t of a?.requiredDuringSchedulingIgnoredDuringExecution ?? []) applyToTerm(t, labels)
  }
  for (const c of pod.spec?.topologySpreadConstraints ?? []) {
    if (c.labelSelector) applyKeys(c.labelSelector, c.matchLabelKeys, 'In', labels)
  }
}
