// Preemption's view of PodDisruptionBudgets (filterPodsWithPDBViolation): a pod whose eviction would take
// a matching budget below zero disruptions allowed "violates" it. Read from the cache by kind
// `PodDisruptionBudget` (none while the kind is not served); a pure function over plain objects.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {LabelSelector as MetaLabelSelector} from 'kubernetes-types/meta/v1.js'

import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'

/** The fields of a policy/v1 PodDisruptionBudget preemption reads. */
export interface PodDisruptionBudgetLike {
  metadata?: {namespace?: string}
  spec?: {selector?: MetaLabelSelector | null}
  status?: {disruptionsAllowed?: number; disruptedPods?: Record<string, unknown>}
}

/** Splits pods (in their order) into those whose eviction violates a budget and the others. */
export function partitionByPDBViolation(pods: Pod[], pdbs: PodDisruptionBudgetLike[]): {violating: Pod[]; nonViolating: Pod[]} {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0)
  const violating: Pod[] = []
  const nonViolating: Pod[] = []
  for (const pod of pods) {
    let violated = false
    const labels = pod.metadata?.labels ?? {}
    // a pod without labels matches no budget
    if (Object.keys(labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata?.namespace !== pod.metadata?.namespace) return
        let selector
        try {
          selector = labelSelectorFromObject(pdb.spec?.selector)
        } catch {
          return
        }
        // a nil or empty selector matches nothing here
        if (selector.nothing || selector.requirements.length === 0 || !matchLabelSelector(selector, labels)) return
        if (pdb.status?.disruptedPods && Object.prototype.hasOwnProperty.call(pdb.status.disruptedPods, pod.metadata?.name ?? '')) return
        allowed[i]!--
        if (allowed[i]! < 0) violated = true
      })
    }
    ;(violated ? violating : nonViolating).push(pod)
  }
  return {violating, nonViolating}
}
