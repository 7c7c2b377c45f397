// The Job controller (pkg/controller/job, syncJob): runs a Job's pods to completion — as many at a time
// as parallelism allows, Indexed Jobs one per pending index — counting finished pods through the
// batch.kubernetes.io/job-tracking finalizer and status.uncountedTerminatedPods; it fails the Job past
// backoffLimit, activeDeadlineSeconds or a FailJob podFailurePolicy rule (FailureTarget, then Failed once
// no pod is left terminating), completes it once enough pods succeeded (SuccessCriteriaMet, then
// Complete), deletes a suspended Job's pods, and releases the finalizers of pods whose Job is gone.
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {jobType} from '../../api/kinds/job.js'
import {clone} from '../../api/meta.js'
import {rfc3339} from '../../api/types.js'
import {parseIndexes} from '../../machinery/job-indexes.js'
import type {ObjectChange} from '../types.js'
import {keysOf, objectKey, splitKey} from '../keys.js'
import {findCondition, isConditionTrue, isJobFinished, newCondition} from './conditions.js'
import {matchPodFailurePolicy} from './failure-policy.js'
import {completionIndex, hasTrackingFinalizer, isActive, isPodFailed, isReady, isTerminating, pastBackoffLimitOnFailure, type JobObject, type PodObject} from './job-pods.js'
import {deletePods, manageJob} from './manage.js'
import {releaseOrphans, suspendCondition} from './job-extras.js'
import {failedIndexes, hasBackoffLimitPerIndex, podsWithDelayedDeletion} from './per-index.js'
import {matchSuccessPolicy} from './success-policy.js'
import {isIndexed, requeue, type SyncContext} from './sync-context.js'
import {trackAndRemoveFinalizers} from './track.js'

/** A pod's Job: the name in its controller reference to a Job. */
function jobKeysOfPod(c: ObjectChange): string[] {
  const keys = new Set<string>()
  for (const o of [c.object, c.previous]) {
    const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Job' && r.apiVersion === 'batch/v1')
    if (ref) keys.add(objectKey(c.namespace, ref.name))
  }
  return [...keys]
}

/** The Job's pods: those whose controller reference carries its uid. */
function podsOf(cache: ObjectCache, job: JobObject): PodObject[] {
  const uid = job.metadata.uid
  return cache.list('Pod', job.metadata.namespace).filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid))
}

function newSyncContext(job: JobObject, pods: PodObject[]): SyncContext {
  const st = job.status ?? {}
  const active = pods.filter(isActive)
  const completions = job.spec?.completions ?? 0
  const prev = isIndexed(job) ? parseIndexes(st.completedIndexes ?? '', completions) : []
  const prevSet = new Set(typeof prev === 'string' ? [] : prev)
  const succeededIndexes = new Set(prevSet)
  if (isIndexed(job)) {
    for (const p of pods) {
      const ix = completionIndex(p)
      if (p.status?.phase === 'Succeeded' && ix >= 0 && ix < completions && hasTrackingFinalizer(p)) succeededIndexes.add(ix)
    }
  }
  const uncounted = {succeeded: new Set(st.uncountedTerminatedPods?.succeeded ?? []), failed: new Set(st.uncountedTerminatedPods?.failed ?? [])}
  const counted = (p: PodObject): boolean => !hasTrackingFinalizer(p) || uncounted.succeeded.has(p.metadata.uid ?? '') || uncounted.failed.has(p.metadata.uid ?? '')
  const newSucceeded = pods.filter((p) => !counted(p) && p.status?.phase === 'Succeeded')
  const newFailed = pods.filter((p) => !counted(p) && p.status?.phase !== 'Succeeded' && isPodFailed(p, job))
  const nonIgnored = newFailed.filter((p) => matchPodFailurePolicy(job.spec?.podFailurePolicy, p).countFailed).length
  return {
    job,
    pods,
    active,
    ready: active.filter(isReady).length,
    terminating: pods.filter(isTerminating).length,
    uncounted,
    succeeded: isIndexed(job) ? succeededIndexes.size : (st.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size,
    failed: (st.failed ?? 0) + nonIgnored + uncounted.failed.size,
    prevSucceededIndexes: prevSet,
    succeededIndexes,
  }
}

/** The failure that ends the Job, if any (FailureTarget), or undefined. */
function failureCondition(ctx: ControllerContext, sc: SyncContext): ReturnType<typeof newCondition> | undefined {
  const job = sc.job
  const now = ctx.clock.now()
  const target = findCondition(job.status?.conditions, 'FailureTarget')
  if (target?.status === 'True') return newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now)
  if (job.spec?.podFailurePolicy) {
    for (const p of sc.pods) {
      const message = isPodFailed(p, job) ? matchPodFailurePolicy(job.spec.podFailurePolicy, p).failJobMessage : undefined
      if (message) return newCondition('FailureTarget', 'True', 'PodFailurePolicy', message, now)
    }
  }
  if (sc.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, sc.pods)) {
    return newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now)
  }
  const deadline = job.spec?.activeDeadlineSeconds
  const start = Date.parse(job.status?.startTime ?? '')
  if (deadline != null && Number.isFinite(start) && !job.spec?.suspend) {
    const left = start + deadline * 1000 - now.getTime()
    if (left <= 0) return newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now)
    requeue(sc, left)
  }
  return undefined
}

/** backoffLimitPerIndex: the failed indexes, the pods awaiting replacement, and the Job failing by them. */
function perIndexState(sc: SyncContext, now: Date): void {
  const job = sc.job
  const failed = failedIndexes(job, sc.pods)
  sc.failedIndexes = failed
  sc.delayed = podsWithDelayedDeletion(sc, failed)
  if (sc.finished) return
  const max = job.spec?.maxFailedIndexes
  if (max != null && failed.size > max) {
    sc.finished = newCondition('FailureTarget', 'True', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes', now)
  } else if (failed.size > 0 && failed.size + sc.succeededIndexes.size >= (job.spec?.completions ?? 0)) {
    sc.finished = newCondition('FailureTarget', 'True', 'FailedIndexes', 'Job has failed indexes', now)
  }
}

/** Syncs one Job per key; a second sync of a settled Job writes nothing. */
export class JobController implements Controller {
  readonly name = 'job'
  readonly watches: readonly Watch[] = [{kind: 'Job'}, {kind: 'Pod', map: jobKeysOfPod}]

  /** every Job, and the Job named by a pod that still carries the tracking finalizer (it may be gone) */
  keys(cache: ObjectCache): string[] {
    const keys = new Set(keysOf(cache, 'Job'))
    for (const pod of cache.list('Pod')) {
      if (hasTrackingFinalizer(pod)) for (const k of jobKeysOfPod({kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', object: pod})) keys.add(k)
    }
    return [...keys]
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const stored = ctx.cache.get('Job', namespace, name) as JobObject | undefined
    releaseOrphans(ctx, namespace, name, stored)
    if (!stored || isJobFinished(stored.status?.conditions)) return {}
    const sc = newSyncContext(clone(stored), podsOf(ctx.cache, stored))
    return {requeueAfterMs: this.sync(ctx, sc, stored)}
  }

  private sync(ctx: ControllerContext, sc: SyncContext, stored: JobObject): number | undefined {
    const job = sc.job
    const st = (job.status ??= {})
    const now = ctx.clock.now()
    if (!st.startTime && !job.spec?.suspend) st.startTime = rfc3339(now)
    if (isConditionTrue(st.conditions, 'SuccessCriteriaMet')) sc.finished = findCondition(st.conditions, 'SuccessCriteriaMet')
    else sc.finished = failureCondition(ctx, sc)
    if (hasBackoffLimitPerIndex(job)) perIndexState(sc, now)
    if (!sc.finished && isIndexed(job)) {
      const message = matchSuccessPolicy(job.spec?.successPolicy, job.spec?.completions ?? 0, sc.succeededIndexes)
      if (message) sc.finished = newCondition('SuccessCriteriaMet', 'True', 'SuccessPolicy', message, now)
    }
    let active = sc.active.length
    if (sc.finished) {
      const {deleted, ready} = deletePods(ctx, job, sc.active)
      if (deleted !== active) sc.finished = undefined
      active -= deleted
      sc.terminating += deleted
      sc.ready -= ready
    } else {
      const manage = !job.metadata.deletionTimestamp
      if (manage) active = manageJob(ctx, sc)
      const completions = job.spec?.completions
      const complete = completions == null ? sc.succeeded > 0 && active === 0 : sc.succeeded >= completions && active === 0
      if (complete) sc.finished = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now)
      else if (manage) suspendCondition(ctx, job, now)
    }
    if (active > 0) st.active = active
    else delete st.active
    st.ready = sc.ready
    st.terminating = sc.terminating
    trackAndRemoveFinalizers(ctx, sc, stored)
    return sc.requeueAfterMs
  }
}
