// Job rows (printJob): STATUS from the conditions, COMPLETIONS as succeeded/completions (or `/1 of N`
// for a work queue with parallelism), DURATION from start to completion (or to now), AGE, and with -o
// wide the template's containers, images and the selector.
import type {Job} from 'kubernetes-types/batch/v1.js'
import type {KObject} from '../../api/types.js'

import {humanDuration} from '../../machinery/duration.js'
import {selectorString} from '../../machinery/labels.js'
import {parseTime, since} from '../timestamps.js'
import {col, wide, type TableHandler} from './columns.js'

const hasCondition = (job: Job, type: string): boolean => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')

/** The STATUS column: Complete, Failed, Terminating, Suspended, FailureTarget or Running. */
export function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete'
  if (hasCondition(job, 'Failed')) return 'Failed'
  if (job.metadata?.deletionTimestamp) return 'Terminating'
  if (hasCondition(job, 'Suspended')) return 'Suspended'
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0
  if (job.spec?.completions != null) return `${succeeded}/${job.spec.completions}`
  const parallelism = job.spec?.parallelism ?? 0
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
}

function jobDuration(job: Job, now: Date): string {
  const start = parseTime(job.status?.startTime)
  if (start === undefined) return ''
  const end = parseTime(job.status?.completionTime) ?? now.getTime()
  return humanDuration(end - start)
}

/** Jobs: NAME STATUS COMPLETIONS DURATION AGE [CONTAINERS IMAGES SELECTOR]. */
export const jobTable: TableHandler = {
  columns: [col('Name', 'name'), col('Status'), col('Completions'), col('Duration'), col('Age'), wide('Containers'), wide('Images'), wide('Selector')],
  cells(obj: KObject, now: Date): string[] {
    const job = obj as Job
    const containers = job.spec?.template?.spec?.containers ?? []
    return [
      obj.metadata.name ?? '',
      jobStatus(job),
      completions(job),
      jobDuration(job, now),
      since(obj.metadata.creationTimestamp, now),
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image ?? '').join(','),
      selectorString(job.spec?.selector),
    ]
  },
}
