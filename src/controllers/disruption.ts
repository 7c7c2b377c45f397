// What the controllers that remove pods (pod GC, taint eviction) share: the DisruptionTarget condition
// they add before deleting, written in one step with the delete that follows.
import type {PodCondition} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../api/types.js'
import type {ControllerContext} from './types.js'

import {podType} from '../api/kinds/pod.js'
import {rfc3339} from '../api/types.js'
import {lostRace} from './writes.js'

/** The DisruptionTarget condition a controller adds to a pod it is about to delete. */
export function disruptionTarget(now: Date, reason: string, message: string): PodCondition {
  const c = {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(now), reason, message}
  return c as unknown as PodCondition
}

/** Replaces (or appends) a condition of the same type. */
export function withCondition(conditions: PodCondition[], c: PodCondition): PodCondition[] {
  return conditions.some((x) => x.type === c.type) ? conditions.map((x) => (x.type === c.type ? c : x)) : [...conditions, c]
}

export interface DisruptOptions {
  /** also set phase Failed unless the pod already finished */
  fail?: boolean
  /** the delete's grace period; default the pod's own */
  gracePeriodSeconds?: number
  /** runs between the status write and the delete (an event about the written pod) */
  written?: (pod: KObject) => void
}

/**
 * Writes the condition (none: only the phase), then deletes the pod (its uid a precondition); false when
 * the pod changed under us. A finished pod given no condition is deleted without a status write.
 */
export function disruptAndDelete(ctx: ControllerContext, pod: ObjectOf<'Pod'>, condition: PodCondition | undefined, opts: DisruptOptions = {}): boolean {
  const next: KObject = structuredClone(pod)
  const status = (next.status ?? {}) as {phase?: string; conditions?: PodCondition[]}
  const finished = status.phase === 'Succeeded' || status.phase === 'Failed'
  if (condition) status.conditions = withCondition(status.conditions ?? [], condition)
  if (opts.fail && !finished) status.phase = 'Failed'
  next.status = status
  const grace = opts.gracePeriodSeconds === undefined ? {} : {gracePeriodSeconds: opts.gracePeriodSeconds}
  try {
    if (condition || (opts.fail && !finished)) {
      const written = ctx.api.update(next)
      opts.written?.(written)
    }
    ctx.api.delete(podType, pod.metadata.namespace!, pod.metadata.name!, {...grace, preconditions: {uid: pod.metadata.uid}})
  } catch (error) {
    if (lostRace(error)) return false
    throw error
  }
  return true
}
