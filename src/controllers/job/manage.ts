// manageJob (pkg/controller/job): creates pods up to what the Job still needs (parallelism, capped by
// the remaining completions; Indexed Jobs per pending index) after the pod-failure back-off, deletes the
// extras (a suspended Job's all), and records SuccessfulCreate / SuccessfulDelete.
import type {Container} from 'kubernetes-types/core/v1.js'
import type {ControllerContext} from '../types.js'
import type {SyncContext} from './sync-context.js'

import {podType} from '../../api/kinds/pod.js'
import {clone} from '../../api/meta.js'
import {controllerRefFor, deletionOrder} from '../deployment/workload-pods.js'
import {lostRace} from '../writes.js'
import {backoffRemainingMs, COMPLETION_INDEX_KEY, completionIndex, isReady, JOB_TRACKING_FINALIZER, onlyReplaceFailedPods, type JobObject, type PodObject} from './job-pods.js'
import {isIndexed, requeue} from './sync-context.js'
import {failureCountAnnotations, hasBackoffLimitPerIndex, indexBackoffRemainingMs, lastFailedPod} from './per-index.js'

export const SOURCE = {component: 'job-controller'}
/** MaxPodCreateDeletePerSync. */
const MAX_PER_SYNC = 500

/** The active pods to delete first: an Indexed Job's pods with a bad or repeated index, then by rank. */
function podsForRemoval(job: JobObject, active: PodObject[], atLeast: number): PodObject[] {
  const remove: PodObject[] = []
  let rest = active
  if (isIndexed(job)) {
    const seen = new Set<number>()
    rest = []
    for (const p of [...active].sort((a, b) => completionIndex(a) - completionIndex(b))) {
      const ix = completionIndex(p)
      if (ix < 0 || ix >= (job.spec?.completions ?? 0) || seen.has(ix)) remove.push(p)
      else {
        seen.add(ix)
        rest.push(p)
      }
    }
  }
  return [...remove, ...deletionOrder(rest).slice(0, Math.max(0, atLeast - remove.length))]
}

/** Deletes pods, with an event each; returns how many were deleted and how many of them were ready. */
export function deletePods(ctx: ControllerContext, job: JobObject, pods: PodObject[]): {deleted: number; ready: number} {
  let deleted = 0
  let ready = 0
  for (const pod of pods.slice(0, MAX_PER_SYNC)) {
    try {
      ctx.api.delete(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, {preconditions: {uid: pod.metadata.uid}})
    } catch (error) {
      if (lostRace(error)) continue
      throw error
    }
    deleted++
    if (isReady(pod)) ready++
    ctx.recorder.record({involved: job, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE})
  }
  return {deleted, ready}
}

/** The indexes below completions with no succeeded or running pod (firstPendingIndexes). */
function pendingIndexes(sc: SyncContext, count: number, completions: number, terminating: PodObject[]): number[] {
  const taken = new Set([...sc.succeededIndexes, ...(sc.failedIndexes ?? []), ...sc.active.map(completionIndex), ...terminating.map(completionIndex)])
  const out: number[] = []
  for (let ix = 0; ix < completions && out.length < count; ix++) if (!taken.has(ix)) out.push(ix)
  return out
}

function addIndexEnv(c: Container): void {
  if ((c.env ?? []).some((e) => e.name === 'JOB_COMPLETION_INDEX')) return
  c.env = [...(c.env ?? []), {name: 'JOB_COMPLETION_INDEX', valueFrom: {fieldRef: {fieldPath: `metadata.labels['${COMPLETION_INDEX_KEY}']`}}}]
}

function createPod(ctx: ControllerContext, job: JobObject, index: number | undefined, extraAnnotations: Record<string, string> = {}): void {
  const template = clone(job.spec?.template ?? {})
  const name = job.metadata.name ?? ''
  const meta = template.metadata ?? {}
  const spec = template.spec ?? {containers: []}
  const labels = {...meta.labels}
  const annotations = {...meta.annotations, ...extraAnnotations}
  if (index !== undefined) {
    annotations[COMPLETION_INDEX_KEY] = String(index)
    labels[COMPLETION_INDEX_KEY] = String(index)
    spec.hostname ||= `${name}-${index}`
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) addIndexEnv(c)
  }
  const metadata = {
    generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
    namespace: job.metadata.namespace,
    ...(Object.keys(labels).length > 0 ? {labels} : {}),
    ...(Object.keys(annotations).length > 0 ? {annotations} : {}),
    finalizers: [...new Set([...(meta.finalizers ?? []), JOB_TRACKING_FINALIZER])],
    ownerReferences: [controllerRefFor(job)],
  }
  try {
    const pod = ctx.api.create({apiVersion: 'v1', kind: 'Pod', metadata, spec}).object
    ctx.recorder.record({involved: job, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: SOURCE})
  } catch (error) {
    ctx.recorder.record({involved: job, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${(error as Error).message}`, source: SOURCE})
    throw error
  }
}

/** How many pods the Job wants running now. */
function wantActive(sc: SyncContext, active: number): number {
  const spec = sc.job.spec ?? ({} as NonNullable<JobObject['spec']>)
  const parallelism = spec.parallelism ?? 1
  if (spec.completions == null) return sc.succeeded > 0 ? active : parallelism
  return Math.max(0, Math.min(spec.completions - sc.succeeded, parallelism))
}

/** manageJob: returns the number of active pods after its creates and deletes. */
export function manageJob(ctx: ControllerContext, sc: SyncContext): number {
  const job = sc.job
  let active = sc.active.length
  if (job.spec?.suspend) {
    const {deleted, ready} = deletePods(ctx, job, podsForRemoval(job, sc.active, active))
    sc.terminating += deleted
    sc.ready -= ready
    return active - deleted
  }
  const want = wantActive(sc, active)
  const toDelete = podsForRemoval(job, sc.active, Math.max(0, active - want))
  if (toDelete.length > 0) {
    const {deleted, ready} = deletePods(ctx, job, toDelete)
    sc.terminating += deleted
    sc.ready -= ready
    return active - deleted
  }
  const terminatingPods = sc.pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
  const terminating = onlyReplaceFailedPods(job) ? sc.terminating : 0
  let diff = Math.min(want - terminating - active, MAX_PER_SYNC)
  if (diff <= 0) return active
  const now = ctx.clock.now().getTime()
  const perIndex = hasBackoffLimitPerIndex(job)
  const wait = perIndex ? 0 : backoffRemainingMs(job, sc.pods, now)
  if (wait > 0) {
    requeue(sc, wait)
    return active
  }
  let indexes = isIndexed(job) ? pendingIndexes(sc, diff, job.spec?.completions ?? 0, onlyReplaceFailedPods(job) ? terminatingPods : []) : undefined
  if (indexes && perIndex) {
    // each index waits for its own back-off after its last failure
    indexes = indexes.filter((ix) => {
      const left = indexBackoffRemainingMs(lastFailedPod(sc, ix), now)
      requeue(sc, left)
      return left === 0
    })
  }
  if (indexes) diff = indexes.length
  for (let i = 0; i < diff; i++) {
    const ix = indexes?.[i]
    createPod(ctx, job, ix, perIndex && ix !== undefined ? failureCountAnnotations(job, lastFailedPod(sc, ix)) : {})
    active++
  }
  return active
}
