// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go): for one CronJob, the Jobs it
// controls are reconciled with status.active (SawCompletedJob, UnexpectedJob, MissingJob,
// lastSuccessfulTime), old finished Jobs go past the history limits, and at the most recent unmet
// schedule time (in spec.timeZone) a Job is created — unless suspended, past startingDeadlineSeconds
// (MissSchedule), already done, or forbidden by concurrencyPolicy (Forbid: JobAlreadyActive; Replace
// deletes the running ones first). The key runs again at the next schedule time.
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {cronJobType} from '../../api/kinds/cronjob.js'
import {isStatusError} from '../../api/errors.js'
import {clone} from '../../api/meta.js'
import {rfc3339} from '../../api/types.js'
import {parseStandard} from '../../machinery/cron.js'
import {loadLocationError, rfc1123zUTC} from '../../machinery/cron-zone.js'
import {goQuote} from '../../machinery/go-format.js'
import {keysOf, ownerKeys, splitKey} from '../keys.js'
import {cleanupFinishedJobs, deleteJob, finishedType, jobFromTemplate, jobName, jobRef, SOURCE, type CronJobObject, type JobObject} from './jobs.js'
import {mostRecentScheduleTime, nextScheduleDelay} from './schedule.js'

/** What one sync decided: whether the status changed, and when to run again. */
interface SyncResult {
  update: boolean
  requeueAfterMs?: number
}

export class CronJobController implements Controller {
  readonly name = 'cronjob'
  readonly watches: readonly Watch[] = [{kind: 'CronJob'}, {kind: 'Job', map: (c) => ownerKeys(c, 'CronJob')}]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'CronJob')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const stored = ctx.cache.get('CronJob', namespace, name) as CronJobObject | undefined
    if (!stored) return {}
    // getJobsToBeReconciled: every Job whose controller reference names this CronJob
    const jobs = (ctx.cache.list('Job', namespace) as JobObject[]).filter((j) => j.metadata.ownerReferences?.some((r) => r.controller && r.name === name))
    const cj = clone(stored)
    const cleaned = cleanupFinishedJobs(ctx, cj, jobs)
    let result: SyncResult
    try {
      result = this.sync(ctx, cj, jobs)
    } catch (error) {
      // as sync() does: what changed in the status is written before the error backs the key off
      if (cleaned || JSON.stringify(cj.status ?? {}) !== JSON.stringify(stored.status ?? {})) ctx.api.updateStatus(cj)
      throw error
    }
    if (cleaned || result.update) ctx.api.updateStatus(cj)
    return result.requeueAfterMs === undefined ? {} : {requeueAfterMs: Math.max(0, result.requeueAfterMs)}
  }

  private event(ctx: ControllerContext, cj: CronJobObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    ctx.recorder.record({involved: cj, type, reason, message, source: SOURCE})
  }

  /** The active list against the Jobs that exist. */
  private syncActive(ctx: ControllerContext, cj: CronJobObject, jobs: JobObject[]): boolean {
    let update = false
    const st = (cj.status ??= {})
    const inActive = (uid?: string): boolean => (st.active ?? []).some((r) => r.uid === uid)
    for (const j of jobs) {
      const finished = finishedType(j)
      const found = inActive(j.metadata.uid)
      if (!found && !finished) {
        this.event(ctx, cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`)
      } else if (found && finished) {
        st.active = (st.active ?? []).filter((r) => r.uid !== j.metadata.uid)
        this.event(ctx, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${finished}`)
        update = true
      } else if (finished === 'Complete') {
        const done = j.status?.completionTime
        if (done && (!st.lastSuccessfulTime || Date.parse(done) > Date.parse(st.lastSuccessfulTime))) {
          st.lastSuccessfulTime = done
          update = true
        }
      }
    }
    const uids = new Set(jobs.map((j) => j.metadata.uid))
    for (const ref of [...(st.active ?? [])]) {
      if (uids.has(ref.uid) || ctx.api.peek('Job', ref.namespace ?? '', ref.name ?? '')) continue
      this.event(ctx, cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`)
      st.active = (st.active ?? []).filter((r) => r.uid !== ref.uid)
      update = true
    }
    return update
  }

  /** syncCronJob */
  private sync(ctx: ControllerContext, cj: CronJobObject, jobs: JobObject[]): SyncResult {
    const now = ctx.clock.now().getTime()
    let update = this.syncActive(ctx, cj, jobs)
    const spec = cj.spec ?? ({} as NonNullable<CronJobObject['spec']>)
    if (cj.metadata.deletionTimestamp) return {update}
    if (spec.timeZone != null) {
      const err = loadLocationError(spec.timeZone)
      if (err !== undefined) {
        this.event(ctx, cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${goQuote(spec.timeZone)}: ${err}`)
        return {update}
      }
    }
    if (spec.suspend) return {update}
    const schedule = parseStandard(this.formatSchedule(ctx, cj))
    if (typeof schedule === 'string') {
      this.event(ctx, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${goQuote(spec.schedule ?? '')} : ${schedule}`)
      return {update}
    }
    const recent = mostRecentScheduleTime(cj, now, schedule, true)
    const next = (): SyncResult => ({update, requeueAfterMs: nextScheduleDelay(cj, now, schedule)})
    if (recent.mostRecent !== undefined && recent.missed === 'many') {
      this.event(ctx, cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew')
    }
    if (recent.error !== undefined) {
      this.event(ctx, cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${spec.schedule} : ${recent.error}`)
      return {update}
    }
    const scheduled = recent.mostRecent
    if (scheduled === undefined) return next()
    if (spec.startingDeadlineSeconds != null && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
      this.event(ctx, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123zUTC(scheduled)}`)
      return next()
    }
    const st = (cj.status ??= {})
    const name = jobName(cj, scheduled)
    const last = st.lastScheduleTime ? Date.parse(st.lastScheduleTime) : undefined
    if ((st.active ?? []).some((r) => r.name === name && r.namespace === cj.metadata.namespace) || last === scheduled) return next()
    if (spec.concurrencyPolicy === 'Forbid' && (st.active ?? []).length > 0) {
      this.event(ctx, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid')
      return next()
    }
    if (spec.concurrencyPolicy === 'Replace') {
      for (const ref of [...(st.active ?? [])]) {
        const job = ctx.api.peek('Job', ref.namespace ?? '', ref.name ?? '')
        if (!job) {
          this.event(ctx, cj, 'Warning', 'FailedGet', `Get job: jobs.batch "${ref.name}" not found`)
          throw new Error(`jobs.batch "${ref.name}" not found`)
        }
        if (!deleteJob(ctx, cj, job)) throw new Error(`could not replace job ${job.metadata.namespace}/${job.metadata.name}`)
        update = true
      }
    }
    const created = this.createJob(ctx, cj, scheduled)
    if (!created) return {update}
    st.active = [...(st.active ?? []), jobRef(created)]
    st.lastScheduleTime = rfc3339(new Date(scheduled))
    update = true
    return next()
  }

  /** CreateJob, an AlreadyExists answer taken as the Job this controller made before. */
  private createJob(ctx: ControllerContext, cj: CronJobObject, scheduled: number) {
    const req = jobFromTemplate(cj, scheduled)
    try {
      const job = ctx.api.create(req).object
      this.event(ctx, cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`)
      return job
    } catch (error) {
      if (!isStatusError(error, 'AlreadyExists')) {
        this.event(ctx, cj, 'Warning', 'FailedCreate', `Error creating job: ${(error as Error).message}`)
        throw error
      }
      const job = ctx.api.peek('Job', req.metadata.namespace ?? '', req.metadata.name ?? '')
      const ours = job?.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid)
      if (!job || !ours || (cj.status?.active ?? []).some((r) => r.uid === job.metadata.uid)) return undefined
      ctx.log(`cronjob ${cj.metadata.namespace}/${cj.metadata.name}: Job already exists: ${job.metadata.name}`)
      return job
    }
  }

  /** formatSchedule: a TZ in the schedule wins (UnsupportedSchedule), else `TZ=<timeZone> ` is put first. */
  private formatSchedule(ctx: ControllerContext, cj: CronJobObject): string {
    const schedule = cj.spec?.schedule ?? ''
    if (schedule.includes('TZ')) {
      this.event(ctx, cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${goQuote(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`)
      return schedule
    }
    const zone = cj.spec?.timeZone
    return zone != null && loadLocationError(zone) === undefined ? `TZ=${zone} ${schedule}` : schedule
  }
}
