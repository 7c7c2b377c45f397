// The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
// spec.ttlSecondsAfterFinished is deleted (foreground, so its pods go first) that many seconds after its
// Complete or Failed condition appeared; until then its key waits on a timer.
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {jobType} from '../../api/kinds/job.js'
import {keysOf, splitKey} from '../keys.js'
import {lostRace} from '../writes.js'
import {findCondition} from './conditions.js'
import type {JobObject} from './job-pods.js'

/** When the Job finished (ms), from its Complete or Failed condition; undefined while it runs. */
export function finishTime(job: JobObject): number | undefined {
  for (const type of ['Complete', 'Failed']) {
    const c = findCondition(job.status?.conditions, type)
    if (c?.status === 'True') {
      const t = Date.parse(c.lastTransitionTime ?? '')
      if (Number.isFinite(t)) return t
    }
  }
  return undefined
}

export class TTLAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished'
  readonly watches: readonly Watch[] = [{kind: 'Job'}]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'Job')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const job = ctx.cache.get('Job', namespace, name) as JobObject | undefined
    const ttl = job?.spec?.ttlSecondsAfterFinished
    if (!job || ttl == null || job.metadata.deletionTimestamp) return {}
    const finished = finishTime(job)
    if (finished === undefined) return {}
    const left = finished + ttl * 1000 - ctx.clock.now().getTime()
    if (left > 0) return {requeueAfterMs: left}
    try {
      ctx.api.delete(jobType, namespace, name, {propagationPolicy: 'Foreground', preconditions: {uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion}})
    } catch (error) {
      if (!lostRace(error)) throw error
    }
    return {}
  }
}
