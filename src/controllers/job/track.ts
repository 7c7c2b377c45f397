// trackJobStatusAndRemoveFinalizers (pkg/controller/job): finished pods go into
// status.uncountedTerminatedPods (written first), lose the batch.kubernetes.io/job-tracking finalizer,
// then move into the succeeded / failed counters (and completedIndexes); the final Complete or Failed
// condition waits until nothing is uncounted and no pod is terminating.
import type {JobStatus} from 'kubernetes-types/batch/v1.js'
import type {ControllerContext} from '../types.js'
import type {SyncContext} from './sync-context.js'

import {podType} from '../../api/kinds/pod.js'
import {formatIndexes} from '../../machinery/job-indexes.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {lostRace} from '../writes.js'
import {ensureCondition, newCondition} from './conditions.js'
import {matchPodFailurePolicy} from './failure-policy.js'
import {completionIndex, hasTrackingFinalizer, isPodFailed, JOB_TRACKING_FINALIZER, type JobObject, type PodObject} from './job-pods.js'
import {SOURCE} from './manage.js'
import {isIndexed} from './sync-context.js'

const statusOf = (job: JobObject): JobStatus => (job.status ??= {})

/** canRemoveFinalizer: the Job is ending or being deleted, or the pod finished. */
function canRemoveFinalizer(sc: SyncContext, pod: PodObject, failed: boolean): boolean {
  if (sc.job.metadata.deletionTimestamp || sc.finished !== undefined || pod.status?.phase === 'Succeeded') return true
  if (!failed) return false
  // backoffLimitPerIndex: the last failed pod of an index keeps it until a replacement runs
  return sc.delayed?.get(completionIndex(pod))?.metadata.uid !== pod.metadata.uid
}

/** Sorts the pods whose finalizer can go; adds the newly finished to the uncounted lists. */
function collect(sc: SyncContext, uncounted: {succeeded: string[]; failed: string[]}, newIndexes: number[]): PodObject[] {
  const job = sc.job
  const completions = job.spec?.completions ?? 0
  const ending = sc.finished !== undefined && sc.finished.type !== 'SuccessCriteriaMet'
  const out: PodObject[] = []
  for (const pod of sc.pods) {
    if (!hasTrackingFinalizer(pod)) continue
    const uid = pod.metadata.uid ?? ''
    const failed = isPodFailed(pod, job)
    if (!canRemoveFinalizer(sc, pod, failed)) continue
    out.push(pod)
    if (pod.status?.phase === 'Succeeded' && !sc.uncounted.failed.has(uid)) {
      if (isIndexed(job)) {
        const ix = completionIndex(pod)
        if (ix >= 0 && ix < completions && !sc.prevSucceededIndexes.has(ix)) newIndexes.push(ix)
      } else if (!sc.uncounted.succeeded.has(uid)) uncounted.succeeded.push(uid)
    } else if (failed || ending) {
      const ix = completionIndex(pod)
      if (sc.uncounted.failed.has(uid) || (isIndexed(job) && (ix < 0 || ix >= completions))) continue
      if (matchPodFailurePolicy(job.spec?.podFailurePolicy, pod).countFailed) uncounted.failed.push(uid)
    }
  }
  return out
}

function removeFinalizer(ctx: ControllerContext, pod: PodObject): boolean {
  try {
    ctx.api.modify(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, (p) => {
      if (p.metadata.uid !== pod.metadata.uid || !(p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) return false
      const rest = (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER)
      if (rest.length > 0) p.metadata.finalizers = rest
      else delete p.metadata.finalizers
    })
    return true
  } catch (error) {
    if (lostRace(error)) return true
    throw error
  }
}

/** Writes the Job's status if it differs from what is stored; the Job as written. */
export function writeStatus(ctx: ControllerContext, job: JobObject, stored: JobObject): JobObject {
  const next = sortKeysDeep(job.status ?? {})
  if (JSON.stringify(next) === JSON.stringify(sortKeysDeep(stored.status ?? {}))) return stored
  return ctx.api.updateStatus({...stored, status: next}) as JobObject
}

/** The interim condition goes in now; the final one (Failed / Complete) waits for enactJobFinished. */
function interimCondition(sc: SyncContext, now: Date): void {
  const f = sc.finished
  if (!f) return
  const st = statusOf(sc.job)
  if (f.type === 'FailureTarget') {
    ;[st.conditions] = ensureCondition(st.conditions ?? [], f)
    sc.finished = newCondition('Failed', 'True', f.reason ?? '', f.message ?? '', now)
  } else if (f.type === 'SuccessCriteriaMet') {
    ;[st.conditions] = ensureCondition(st.conditions ?? [], f)
    sc.finished = newCondition('Complete', 'True', f.reason ?? '', f.message ?? '', now)
  }
}

/** enactJobFinished: the final condition once nothing is uncounted or terminating. */
function enactFinished(sc: SyncContext): boolean {
  const f = sc.finished
  const st = statusOf(sc.job)
  const u = st.uncountedTerminatedPods ?? {}
  if (!f || (u.succeeded ?? []).length + (u.failed ?? []).length > 0 || sc.terminating > 0) return false
  ;[st.conditions] = ensureCondition(st.conditions ?? [], f)
  if (f.type === 'Complete') st.completionTime = f.lastTransitionTime
  return true
}

/** The whole tracking step; returns the Job as stored at its end. */
export function trackAndRemoveFinalizers(ctx: ControllerContext, sc: SyncContext, stored: JobObject): JobObject {
  const st = statusOf(sc.job)
  const now = ctx.clock.now()
  const fresh = {succeeded: [] as string[], failed: [] as string[]}
  const newIndexes: number[] = []
  const toRemove = collect(sc, fresh, newIndexes)
  if (isIndexed(sc.job)) {
    for (const ix of newIndexes) sc.succeededIndexes.add(ix)
    st.completedIndexes = formatIndexes(sc.succeededIndexes)
    st.succeeded = sc.succeededIndexes.size
    if (!st.succeeded) delete st.succeeded
    if (sc.failedIndexes) st.failedIndexes = formatIndexes(sc.failedIndexes)
  }
  interimCondition(sc, now)
  st.uncountedTerminatedPods = {
    ...(sc.uncounted.succeeded.size + fresh.succeeded.length > 0 ? {succeeded: [...sc.uncounted.succeeded, ...fresh.succeeded]} : {}),
    ...(sc.uncounted.failed.size + fresh.failed.length > 0 ? {failed: [...sc.uncounted.failed, ...fresh.failed]} : {}),
  }
  if (isIndexed(sc.job) && st.completedIndexes === '') delete st.completedIndexes
  // flush 1: the uncounted uids are on record before any finalizer goes
  let job = writeStatus(ctx, sc.job, stored)
  const removed = new Set(toRemove.filter((p) => removeFinalizer(ctx, p)).map((p) => p.metadata.uid ?? ''))
  const stillTracked = new Set(sc.pods.filter((p) => hasTrackingFinalizer(p) && !removed.has(p.metadata.uid ?? '')).map((p) => p.metadata.uid ?? ''))
  // updateStatusCounters: uids whose pods no longer carry the finalizer move into the counters
  const u = st.uncountedTerminatedPods
  const keep = (uids: string[] | undefined): string[] => (uids ?? []).filter((uid) => stillTracked.has(uid))
  if (!isIndexed(sc.job)) st.succeeded = (st.succeeded ?? 0) + (u.succeeded ?? []).length - keep(u.succeeded).length
  st.failed = (st.failed ?? 0) + (u.failed ?? []).length - keep(u.failed).length
  if (!st.succeeded) delete st.succeeded
  if (!st.failed) delete st.failed
  st.uncountedTerminatedPods = {...(keep(u.succeeded).length > 0 ? {succeeded: keep(u.succeeded)} : {}), ...(keep(u.failed).length > 0 ? {failed: keep(u.failed)} : {})}
  const finished = enactFinished(sc)
  job = writeStatus(ctx, sc.job, job)
  if (finished && sc.finished) recordFinished(ctx, job, sc.finished.type, sc.finished.reason ?? '', sc.finished.message ?? '')
  return job
}

/** recordJobFinished: Completed, or a Warning with the failure's reason. */
function recordFinished(ctx: ControllerContext, job: JobObject, type: string, reason: string, message: string): void {
  if (type === 'Complete') ctx.recorder.record({involved: job, type: 'Normal', reason: 'Completed', message: 'Job completed', source: SOURCE})
  else ctx.recorder.record({involved: job, type: 'Warning', reason, message, source: SOURCE})
}
