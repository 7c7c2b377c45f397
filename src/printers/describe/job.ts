// describe job (JobDescriber): identity, selector, owner, the spec's counts and limits, start and
// completion times, the pods' statuses, the completed indexes of an Indexed Job, the pod template and
// events.
import type {Job} from 'kubernetes-types/batch/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {humanDuration} from '../../machinery/duration.js'
import {selectorString} from '../../machinery/labels.js'
import {parseTime, rfc1123z} from '../timestamps.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

/** capIndexesListOrNone: the list up to the first comma after 50 characters, then `...`. */
export function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>'
  let ix = softLimit
  while (ix < indexes.length && indexes[ix] !== ',') ix++
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`
}

function writeTimes(w: PrefixWriter, job: Job): void {
  const st = job.status ?? {}
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`)
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`)
  const start = parseTime(st.startTime)
  const end = parseTime(st.completionTime)
  if (start !== undefined && end !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(end - start)}\n`)
}

/** kubectl describe job. */
export function describeJob(obj: KObject, ctx: DescribeContext): string {
  const job = obj as Job
  const spec = job.spec ?? ({} as NonNullable<Job['spec']>)
  const st = job.status ?? {}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) || '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const controller = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  if (spec.parallelism != null) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`)
  if (spec.completionMode != null) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
  if (spec.suspend != null) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`)
  if (spec.backoffLimit != null) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
  if (spec.ttlSecondsAfterFinished != null) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
  writeTimes(w, job)
  if (spec.activeDeadlineSeconds != null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`
  if (st.ready == null) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n`)
  else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`)
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes)}\n`)
  describePodTemplate(spec.template as PodTemplate, w)
  return endWithEvents(w, ctx)
}
