// Which PodDisruptionBudgets guard a pod, as the eviction handler and the scheduler's preemption see
// them (pure functions of pods and PDBs): a PDB in the pod's namespace whose selector parses, is not
// empty and matches the pod's labels. A nil or empty selector guards nothing here, although the
// disruption controller counts every pod of the namespace for an empty one.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from './types.js'

import {labelSelectorFromObject, matchLabelSelector} from '../machinery/labels.js'

/** The PDB fields these rules read. */
export interface PdbView extends KObject {
  spec?: {selector?: LabelSelector | null; unhealthyPodEvictionPolicy?: string | null}
  status?: {disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; disruptedPods?: Record<string, string>; observedGeneration?: number}
}

/** Whether `pdb` guards `pod` (GetPodPodDisruptionBudgets' and the eviction handler's match). */
export function pdbGuardsPod(pdb: KObject, pod: KObject): boolean {
  if (pdb.metadata.namespace !== pod.metadata.namespace) return false
  let selector
  try {
    selector = labelSelectorFromObject(((pdb as PdbView).spec?.selector ?? null) as never)
  } catch {
    // an invalid selector matches nothing
    return false
  }
  if (selector.nothing || selector.requirements.length === 0) return false
  return matchLabelSelector(selector, pod.metadata.labels)
}

/** The PDBs among `pdbs` that guard `pod`. */
export function pdbsForPod(pod: KObject, pdbs: readonly KObject[]): KObject[] {
  return pdbs.filter((pdb) => pdbGuardsPod(pdb, pod))
}

/** podutil.IsPodReady: the Ready condition is True. */
export function podIsReady(pod: KObject): boolean {
  const conditions = (pod.status as {conditions?: {type: string; status: string}[]} | undefined)?.conditions ?? []
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True')
}

/**
 * DefaultPreemption's filterPodsWithPDBViolation: walks `pods` in order, charging each against the
 * budgets (status.disruptionsAllowed) of the PDBs that guard it, except where the pod is already in a
 * PDB's disruptedPods (the API server counted it); a pod that takes some budget below zero violates.
 * A pod without labels matches no PDB.
 */
export function filterPodsWithPdbViolation<P extends KObject>(pods: readonly P[], pdbs: readonly KObject[]): {violating: P[]; nonViolating: P[]} {
  const allowed = pdbs.map((pdb) => (pdb as PdbView).status?.disruptionsAllowed ?? 0)
  const violating: P[] = []
  const nonViolating: P[] = []
  for (const pod of pods) {
    let violated = false
    if (Object.keys(pod.metadata.labels ?? {}).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (!pdbGuardsPod(pdb, pod)) return
        if ((pdb as PdbView).status?.disruptedPods?.[pod.metadata.name ?? ''] !== undefined) return
        allowed[i]--
        if (allowed[i] < 0) violated = true
      })
    }
    ;(violated ? violating : nonViolating).push(pod)
  }
  return {violating, nonViolating}
}

/** A metav1.Condition as the PDB's status carries it. */
export interface MetaCondition {
  type: string
  status: string
  observedGeneration?: number
  lastTransitionTime: string
  reason: string
  message: string
}

/**
 * pdbhelper.UpdateDisruptionAllowedCondition through meta.SetStatusCondition: DisruptionAllowed True
 * (SufficientPods) while disruptions are allowed, else False (InsufficientPods); the transition time
 * moves only when the status flips. Returns the new conditions.
 */
export function disruptionAllowedConditions(conditions: readonly MetaCondition[] | undefined, allowed: number, observedGeneration: number | undefined, now: string): MetaCondition[] {
  const [status, reason] = allowed > 0 ? ['True', 'SufficientPods'] : ['False', 'InsufficientPods']
  return setStatusCondition(conditions, {type: 'DisruptionAllowed', status, reason, message: '', observedGeneration}, now)
}

/** meta.SetStatusCondition: replace the condition of the same type (its transition time kept unless the status changes), or append. */
export function setStatusCondition(conditions: readonly MetaCondition[] | undefined, c: Omit<MetaCondition, 'lastTransitionTime'>, now: string): MetaCondition[] {
  const list = [...(conditions ?? [])]
  const i = list.findIndex((x) => x.type === c.type)
  const next: MetaCondition = {type: c.type, status: c.status, ...(c.observedGeneration ? {observedGeneration: c.observedGeneration} : {}), lastTransitionTime: now, reason: c.reason, message: c.message}
  if (i < 0) return [...list, next]
  if (list[i].status === c.status) next.lastTransitionTime = list[i].lastTransitionTime
  list[i] = next
  return list
}
