// What the CronJob controller does to its Jobs (cronjob_controllerv2.go, utils.go): the Job for a
// scheduled time (`<cronjob>-<minutes since the epoch>`, the template's labels and annotations plus
// batch.kubernetes.io/cronjob-scheduled-timestamp in the CronJob's zone, a controller reference),
// deleting one (background propagation, SuccessfulDelete / FailedDelete), and the history limits.
import type {CronJob, Job} from 'kubernetes-types/batch/v1.js'
import type {ObjectReference} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../api/types.js'
import type {ControllerContext} from '../types.js'

import {jobType} from '../../api/kinds/job.js'
import {rfc3339In} from '../../machinery/cron-zone.js'
import {controllerRefFor} from '../deployment/workload-pods.js'

export const SOURCE = {component: 'cronjob-controller'}
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

export type CronJobObject = CronJob & KObject
export type JobObject = Job & KObject

/** getJobName */
export const jobName = (cj: KObject, scheduledMs: number): string => `${cj.metadata.name}-${Math.floor(scheduledMs / 60_000)}`

/** The Complete or Failed condition type of a finished Job. */
export function finishedType(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type
  }
  return undefined
}

/** getJobFromTemplate2 */
export function jobFromTemplate(cj: CronJobObject, scheduledMs: number): KObject {
  const template = cj.spec?.jobTemplate ?? {}
  const annotations: Record<string, string> = {...(template.metadata?.annotations ?? {})}
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduledMs, cj.spec?.timeZone ?? 'UTC')
  const labels = {...(template.metadata?.labels ?? {})}
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduledMs),
      namespace: cj.metadata.namespace,
      ...(Object.keys(labels).length > 0 ? {labels} : {}),
      annotations,
      ownerReferences: [controllerRefFor(cj)],
    },
    spec: structuredClone(template.spec ?? {}),
  }
}

/** getRef: the reference status.active keeps. */
export const jobRef = (job: KObject): ObjectReference => ({
  kind: 'Job',
  namespace: job.metadata.namespace,
  name: job.metadata.name,
  uid: job.metadata.uid,
  apiVersion: 'batch/v1',
  resourceVersion: job.metadata.resourceVersion,
})

/** deleteJob: the Job (background), its entry in status.active, and the event; false when refused. */
export function deleteJob(ctx: ControllerContext, cj: CronJobObject, job: KObject): boolean {
  try {
    ctx.api.delete(jobType, job.metadata.namespace ?? '', job.metadata.name ?? '', {propagationPolicy: 'Background'})
  } catch (error) {
    ctx.recorder.record({involved: cj, type: 'Warning', reason: 'FailedDelete', message: `Deleted job: ${(error as Error).message}`, source: SOURCE})
    return false
  }
  const st = (cj.status ??= {})
  st.active = (st.active ?? []).filter((r) => r.uid !== job.metadata.uid)
  ctx.recorder.record({involved: cj, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${job.metadata.name}`, source: SOURCE})
  return true
}

/** byJobStartTime: started before not started, earlier first, then by name. */
function byStartTime(a: JobObject, b: JobObject): number {
  const sa = a.status?.startTime ? Date.parse(a.status.startTime) : undefined
  const sb = b.status?.startTime ? Date.parse(b.status.startTime) : undefined
  if (sa === undefined && sb !== undefined) return 1
  if (sa !== undefined && sb === undefined) return -1
  if (sa === sb) return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0
  return (sa ?? 0) - (sb ?? 0)
}

function removeOldest(ctx: ControllerContext, cj: CronJobObject, jobs: JobObject[], keep: number): boolean {
  const n = jobs.length - keep
  if (n <= 0) return false
  let changed = false
  for (const job of [...jobs].sort(byStartTime).slice(0, n)) changed = deleteJob(ctx, cj, job) || changed
  return changed
}

/** cleanupFinishedJobs: the oldest finished Jobs past each history limit go. */
export function cleanupFinishedJobs(ctx: ControllerContext, cj: CronJobObject, jobs: JobObject[]): boolean {
  const spec = cj.spec
  if (spec?.successfulJobsHistoryLimit == null && spec?.failedJobsHistoryLimit == null) return false
  const succeeded = jobs.filter((j) => finishedType(j) === 'Complete')
  const failed = jobs.filter((j) => finishedType(j) === 'Failed')
  let changed = false
  if (spec.successfulJobsHistoryLimit != null) changed = removeOldest(ctx, cj, succeeded, spec.successfulJobsHistoryLimit) || changed
  if (spec.failedJobsHistoryLimit != null) changed = removeOldest(ctx, cj, failed, spec.failedJobsHistoryLimit) || changed
  return changed
}
