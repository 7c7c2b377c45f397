// backoffLimitPerIndex (pkg/controller/job, indexed_job_utils.go): an Indexed Job's indexes fail on their
// own. Each pod records how often its index failed before it (batch.kubernetes.io/job-index-failure-count,
// and the failures an Ignore rule left out in ...-ignored-failure-count); a failure past the limit, or a
// FailIndex rule, fails the index for good (status.failedIndexes); the last failed pod of an index keeps
// its tracking finalizer until a replacement runs, which waits for the index's own back-off.
import type {JobObject, PodObject} from './job-pods.js'
import type {SyncContext} from './sync-context.js'

import {parseIndexes} from '../../machinery/job-indexes.js'
import {matchPodFailurePolicy} from './failure-policy.js'
import {completionIndex, hasTrackingFinalizer, isActive, isPodFailed, podFinishedAt} from './job-pods.js'

export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count'
export const INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count'
const BACKOFF_BASE_MS = 10_000
const BACKOFF_MAX_MS = 600_000

export const hasBackoffLimitPerIndex = (job: JobObject): boolean => job.spec?.completionMode === 'Indexed' && job.spec?.backoffLimitPerIndex != null

function count(p: PodObject, key: string): number {
  const v = Number(p.metadata.annotations?.[key] ?? '0')
  return Number.isInteger(v) && v >= 0 ? v : 0
}

/** getIndexAbsoluteFailureCount: counted and ignored failures before this pod. */
const absoluteFailures = (p: PodObject): number => count(p, INDEX_FAILURE_COUNT) + count(p, INDEX_IGNORED_FAILURE_COUNT)

/** isIndexFailed: a FailIndex rule matched, or a counted failure with the index's failures at the limit. */
export function isIndexFailed(job: JobObject, p: PodObject): boolean {
  if (!isPodFailed(p, job)) return false
  const match = matchPodFailurePolicy(job.spec?.podFailurePolicy, p)
  if (match.action === 'FailIndex') return true
  return match.countFailed && count(p, INDEX_FAILURE_COUNT) >= (job.spec?.backoffLimitPerIndex ?? 0)
}

/** calculateFailedIndexes: status.failedIndexes plus the indexes of newly failed pods (still tracked). */
export function failedIndexes(job: JobObject, pods: readonly PodObject[]): Set<number> {
  const prev = parseIndexes(job.status?.failedIndexes ?? '', job.spec?.completions ?? 0)
  const out = new Set(typeof prev === 'string' ? [] : prev)
  for (const p of pods) {
    const ix = completionIndex(p)
    if (ix >= 0 && hasTrackingFinalizer(p) && isIndexFailed(job, p)) out.add(ix)
  }
  return out
}

/** The last failed pod of each index that is still to be retried and has no running replacement yet. */
export function podsWithDelayedDeletion(sc: SyncContext, failed: Set<number>): Map<number, PodObject> {
  const out = new Map<number, PodObject>()
  const running = new Set(sc.active.map(completionIndex))
  for (const p of sc.pods) {
    const ix = completionIndex(p)
    if (ix < 0 || !hasTrackingFinalizer(p) || !isPodFailed(p, sc.job) || failed.has(ix) || sc.succeededIndexes.has(ix) || running.has(ix)) continue
    const last = out.get(ix)
    if (!last || absoluteFailures(last) < absoluteFailures(p)) out.set(ix, p)
  }
  return out
}

/** The last failed pod of an index (tracked or not), whose counts its replacement carries on. */
export function lastFailedPod(sc: SyncContext, index: number): PodObject | undefined {
  let last: PodObject | undefined
  for (const p of sc.pods) {
    if (completionIndex(p) !== index || isActive(p) || !isPodFailed(p, sc.job)) continue
    if (!last || absoluteFailures(last) < absoluteFailures(p)) last = p
  }
  return last
}

/** getNewIndexFailureCounts + addIndexFailureCountAnnotation: the replacement pod's annotations. */
export function failureCountAnnotations(job: JobObject, replaced: PodObject | undefined): Record<string, string> {
  let failures = 0
  let ignored = 0
  if (replaced) {
    failures = count(replaced, INDEX_FAILURE_COUNT)
    ignored = count(replaced, INDEX_IGNORED_FAILURE_COUNT)
    if (matchPodFailurePolicy(job.spec?.podFailurePolicy, replaced).countFailed) failures++
    else ignored++
  }
  return {[INDEX_FAILURE_COUNT]: String(failures), ...(ignored > 0 ? {[INDEX_IGNORED_FAILURE_COUNT]: String(ignored)} : {})}
}

/** The index's own back-off before its replacement: 10 s doubling per failure, at most 10 min. */
export function indexBackoffRemainingMs(replaced: PodObject | undefined, now: number): number {
  if (!replaced) return 0
  const failures = absoluteFailures(replaced) + 1
  let backoff = BACKOFF_BASE_MS
  for (let i = 1; i < failures && backoff < BACKOFF_MAX_MS; i++) backoff = Math.min(backoff * 2, BACKOFF_MAX_MS)
  const elapsed = now - (podFinishedAt(replaced) ?? now)
  return backoff < elapsed ? 0 : backoff - elapsed
}
