// describe cronjob (describeCronJob): identity, schedule, concurrency policy, suspend, the history
// limits, the starting deadline, the job template (selector, parallelism, completions, deadline, pod
// template), the last schedule time, the active Jobs' names and events. kubectl 1.35 prints no time
// zone line.
import type {CronJob, JobSpec} from 'kubernetes-types/batch/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {selectorString} from '../../machinery/labels.js'
import {rfc1123z} from '../timestamps.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

const orUnset = (v: number | undefined | null, suffix = ''): string => (v == null ? '<unset>' : `${v}${suffix}`)

function describeJobTemplate(spec: Partial<JobSpec>, w: PrefixWriter): void {
  w.write(LEVEL_0, `Selector:\t${spec.selector ? selectorString(spec.selector) : '<unset>'}\n`)
  w.write(LEVEL_0, `Parallelism:\t${orUnset(spec.parallelism)}\n`)
  w.write(LEVEL_0, `Completions:\t${orUnset(spec.completions)}\n`)
  if (spec.activeDeadlineSeconds != null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  describePodTemplate((spec.template ?? {}) as PodTemplate, w)
}

/** kubectl describe cronjob. */
export function describeCronJob(obj: KObject, ctx: DescribeContext): string {
  const cj = obj as CronJob
  const spec = cj.spec ?? ({} as NonNullable<CronJob['spec']>)
  const st = cj.status ?? {}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`)
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`)
  w.write(LEVEL_0, `Suspend:\t${spec.suspend == null ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`)
  w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`)
  w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`)
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`)
  describeJobTemplate(spec.jobTemplate?.spec ?? {}, w)
  w.write(LEVEL_0, `Last Schedule Time:\t${st.lastScheduleTime ? rfc1123z(st.lastScheduleTime) : '<unset>'}\n`)
  const active = (st.active ?? []).map((r) => r.name ?? '')
  w.write(LEVEL_0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.join(', ')}\n`)
  return endWithEvents(w, ctx)
}
