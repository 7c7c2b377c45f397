// What the scheduler writes besides bindings: the PodScheduled=False condition and nominatedNodeName of a
// pod it could not place, and the preemption of victims (DisruptionTarget condition, graceful delete,
// the Preempted event) with the nominations of lower-priority pods on that node cleared.
import type {Pod, PodCondition} from 'kubernetes-types/core/v1.js'
import type {ObjectOf} from '../../api/types.js'
import type {ControllerContext} from '../types.js'
import type {Candidate} from './preemption.js'

import {isStatusError} from '../../api/errors.js'
import {podType} from '../../api/kinds/pod.js'
import {rfc3339} from '../../api/types.js'
import {priorityOf} from './preemption.js'

const SCHEDULER = 'default-scheduler'
/** validation.NoteLengthLimit: longer event messages are cut */
const NOTE_LENGTH_LIMIT = 1024

const ignoreGone = (error: unknown): void => {
  if (!isStatusError(error, 'Conflict') && !isStatusError(error, 'NotFound')) throw error
}

/** podutil.UpdatePodCondition: replaces the condition of that type; false when nothing changes. */
export function setCondition(pod: Pod & {status: {conditions?: PodCondition[]}}, c: {type: string; status: string; reason?: string; message?: string}, now: Date): boolean {
  const status = pod.status
  const list = (status.conditions ??= [])
  const i = list.findIndex((x) => x.type === c.type)
  const prev = i >= 0 ? list[i] : undefined
  if (prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message) return false
  const condition: Record<string, unknown> = {type: c.type}
  if (pod.metadata?.generation) condition.observedGeneration = pod.metadata.generation
  Object.assign(condition, {status: c.status, lastProbeTime: null, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : rfc3339(now)})
  if (c.reason) condition.reason = c.reason
  if (c.message) condition.message = c.message
  if (i >= 0) list[i] = condition as never
  else list.push(condition as never)
  return true
}

/**
 * The FailedScheduling event and, through the status subresource, PodScheduled=False/Unschedulable; with
 * `nominate` a node name to nominate, or '' to clear the nomination (undefined leaves it).
 */
export function markUnschedulable(ctx: ControllerContext, pod: ObjectOf<'Pod'>, message: string, now: Date, nominate?: string): void {
  const event = message.length <= NOTE_LENGTH_LIMIT ? message : `${message.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`
  ctx.recorder.record({involved: pod, type: 'Warning', reason: 'FailedScheduling', message: event, source: {component: SCHEDULER}})
  const next = {...pod, status: structuredClone(pod.status ?? {})}
  let changed = setCondition(next, {type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message}, now)
  if (nominate !== undefined && (next.status.nominatedNodeName ?? '') !== nominate) {
    if (nominate) next.status.nominatedNodeName = nominate
    else delete next.status.nominatedNodeName
    changed = true
  }
  if (!changed) return
  try {
    ctx.api.updateStatus(next)
  } catch (error) {
    ignoreGone(error)
  }
}

/** prepareCandidate: each victim marked DisruptionTarget, deleted gracefully and told why. */
export function preemptVictims(ctx: ControllerContext, preemptor: Pod, c: Candidate, pending: readonly Pod[], now: Date): void {
  for (const victim of c.victims) {
    const next = {...(victim as ObjectOf<'Pod'>), status: structuredClone(victim.status ?? {})}
    const message = `${preemptor.spec?.schedulerName ?? SCHEDULER}: preempting to accommodate a higher priority pod`
    try {
      if (setCondition(next, {type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message}, now)) ctx.api.updateStatus(next)
      ctx.api.delete(podType, victim.metadata!.namespace!, victim.metadata!.name!, {preconditions: {uid: victim.metadata!.uid}})
    } catch (error) {
      ignoreGone(error)
      continue
    }
    ctx.recorder.record({involved: victim as ObjectOf<'Pod'>, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${preemptor.metadata?.uid} on node ${c.node}`, source: {component: SCHEDULER}})
  }
  // lower-priority pods nominated to the node lose the nomination (their room goes to the preemptor)
  for (const p of pending) {
    if (p.status?.nominatedNodeName !== c.node || priorityOf(p) >= priorityOf(preemptor) || p.metadata?.uid === preemptor.metadata?.uid) continue
    const next = {...p, status: {...p.status}} as ObjectOf<'Pod'>
    delete (next.status as {nominatedNodeName?: string}).nominatedNodeName
    try {
      ctx.api.updateStatus(next)
    } catch (error) {
      ignoreGone(error)
    }
  }
}
