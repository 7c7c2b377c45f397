// The state of one Job sync (syncJobCtx): the Job with the status being built, its pods, and the counts
// and indexes derived from them.
import type {Condition} from './conditions.js'
import type {JobObject, PodObject} from './job-pods.js'

export interface SyncContext {
  /** a copy of the Job whose status this sync rewrites */
  job: JobObject
  /** the pods the Job controls */
  pods: PodObject[]
  active: PodObject[]
  ready: number
  terminating: number
  /** status.uncountedTerminatedPods, as sets of uids */
  uncounted: {succeeded: Set<string>; failed: Set<string>}
  /** succeeded and failed, counting what is not in the counters yet */
  succeeded: number
  failed: number
  /** the condition this sync moves the Job towards (FailureTarget, SuccessCriteriaMet, then the final one) */
  finished?: Condition
  /** Indexed: status.completedIndexes before, and with the succeeded pods not counted yet */
  prevSucceededIndexes: Set<number>
  succeededIndexes: Set<number>
  /** backoffLimitPerIndex: the failed indexes, and the last failed pod per index awaiting its replacement */
  failedIndexes?: Set<number>
  delayed?: Map<number, PodObject>
  /** when this key must run again (ms), e.g. the back-off or the active deadline */
  requeueAfterMs?: number
}

export const isIndexed = (job: JobObject): boolean => job.spec?.completionMode === 'Indexed'

export function requeue(sc: SyncContext, ms: number): void {
  if (ms > 0 && (sc.requeueAfterMs === undefined || ms < sc.requeueAfterMs)) sc.requeueAfterMs = ms
}
