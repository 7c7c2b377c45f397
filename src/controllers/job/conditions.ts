// Job conditions as the Job controller writes them (newCondition, ensureJobConditionStatus): both
// times set when a condition appears or changes, a False condition never added when absent.
import type {JobCondition} from 'kubernetes-types/batch/v1.js'

import {rfc3339} from '../../api/types.js'

export type Condition = JobCondition

export function newCondition(type: string, status: string, reason: string, message: string, now: Date): Condition {
  const t = rfc3339(now)
  return {type, status, lastProbeTime: t, lastTransitionTime: t, reason, message}
}

export const findCondition = (list: readonly Condition[] | undefined, type: string): Condition | undefined => (list ?? []).find((c) => c.type === type)

export const isConditionTrue = (list: readonly Condition[] | undefined, type: string): boolean => findCondition(list, type)?.status === 'True'

/** IsJobFinished: Complete or Failed is True. */
export const isJobFinished = (list: readonly Condition[] | undefined): boolean => isConditionTrue(list, 'Complete') || isConditionTrue(list, 'Failed')

/** ensureJobConditionStatus: the list with the condition set, and whether it changed. */
export function ensureCondition(list: Condition[], c: Condition): [Condition[], boolean] {
  const i = list.findIndex((x) => x.type === c.type)
  if (i >= 0) {
    const old = list[i]
    if (old.status === c.status && old.reason === c.reason && old.message === c.message) return [list, false]
    return [list.map((x, j) => (j === i ? c : x)), true]
  }
  return c.status === 'False' ? [list, false] : [[...list, c], true]
}
