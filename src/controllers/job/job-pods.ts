// What the Job controller reads from its pods (pkg/controller/job): which are active, terminating,
// ready or failed, the tracking finalizer, completion indexes, and the pod-failure back-off.
import type {Job} from 'kubernetes-types/batch/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'

export type PodObject = ObjectOf<'Pod'>
export type JobObject = Job & KObject

/** The finalizer a Job's pods carry until the controller has counted them. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'
/** The annotation (and label) with an Indexed Job pod's completion index. */
export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index'

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const BACKOFF_BASE_MS = 10_000
const BACKOFF_MAX_MS = 600_000

const phaseOf = (p: PodObject): string => p.status?.phase ?? ''
const isTerminal = (p: PodObject): boolean => phaseOf(p) === 'Succeeded' || phaseOf(p) === 'Failed'

export const hasTrackingFinalizer = (p: PodObject): boolean => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)

/** FilterActivePods. */
export const isActive = (p: PodObject): boolean => !isTerminal(p) && !p.metadata.deletionTimestamp

/** CountTerminatingPods: being deleted, not finished. */
export const isTerminating = (p: PodObject): boolean => Boolean(p.metadata.deletionTimestamp) && !isTerminal(p)

export const isReady = (p: PodObject): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

/** podReplacementPolicy Failed (the default with a podFailurePolicy): only terminal pods count or are replaced. */
export const onlyReplaceFailedPods = (job: JobObject): boolean => job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy != null

/** isPodFailed: Failed, or (unless only failed pods are replaced) being deleted before it succeeded. */
export function isPodFailed(p: PodObject, job: JobObject): boolean {
  if (phaseOf(p) === 'Failed') return true
  if (onlyReplaceFailedPods(job)) return false
  return Boolean(p.metadata.deletionTimestamp) && phaseOf(p) !== 'Succeeded'
}

/** getCompletionIndex: the annotation's index, or -1 when absent or not a number. */
export function completionIndex(p: KObject): number {
  const v = p.metadata.annotations?.[COMPLETION_INDEX_KEY]
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : -1
}

/**
 * getFinishedTime: the containers' latest finishedAt, else (finished) when Ready turned False, else when
 * its deletion was requested; undefined when none is known.
 */
export function podFinishedAt(p: PodObject): number | undefined {
  let latest: number | undefined
  for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
    const t = Date.parse(s.state?.terminated?.finishedAt ?? '')
    if (Number.isFinite(t) && (latest === undefined || t > latest)) latest = t
  }
  if (latest !== undefined) return latest
  const ready = (p.status?.conditions ?? []).find((c) => c.type === 'Ready')
  if (isTerminal(p) && ready?.status === 'False') {
    const t = Date.parse(ready.lastTransitionTime ?? '')
    if (Number.isFinite(t)) return t
  }
  if (p.metadata.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000
  return undefined
}

/**
 * The pod-failure back-off (backoffRecord.getRemainingTime): 10 s doubling per failure since the last
 * success, at most 10 min, counted from the last failure; 0 when pods may be created now.
 */
export function backoffRemainingMs(job: JobObject, pods: readonly PodObject[], now: number): number {
  const finished = pods
    .filter((p) => phaseOf(p) === 'Succeeded' || isPodFailed(p, job))
    .map((p) => ({failed: phaseOf(p) !== 'Succeeded', at: podFinishedAt(p) ?? now}))
    .sort((a, b) => a.at - b.at)
  let failures = 0
  let last = 0
  for (const f of finished) {
    if (!f.failed) failures = 0
    else {
      failures++
      last = Math.max(last, f.at)
    }
  }
  if (failures === 0) return 0
  let backoff = BACKOFF_BASE_MS
  for (let i = 1; i < failures && backoff < BACKOFF_MAX_MS; i++) backoff = Math.min(backoff * 2, BACKOFF_MAX_MS)
  const elapsed = now - last
  return backoff < elapsed ? 0 : backoff - elapsed
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, the restarts of running and pending pods. */
export function pastBackoffLimitOnFailure(job: JobObject, pods: readonly PodObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false
  let restarts = 0
  for (const p of pods) {
    if (phaseOf(p) !== 'Running' && phaseOf(p) !== 'Pending') continue
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0
  }
  const limit = job.spec?.backoffLimit ?? 6
  return limit === 0 ? restarts > 0 : restarts >= limit
}
