// Two of the Job controller's side duties: the Suspended condition and its events (with StartTime reset
// on resume), and the tracking finalizer released from pods whose Job is gone or finished.
import type {ControllerContext} from '../types.js'

import {podType} from '../../api/kinds/pod.js'
import {rfc3339} from '../../api/types.js'
import {lostRace} from '../writes.js'
import {ensureCondition, isJobFinished, newCondition} from './conditions.js'
import {hasTrackingFinalizer, JOB_TRACKING_FINALIZER, type JobObject} from './job-pods.js'
import {SOURCE} from './manage.js'

/** Suspended True with `Suspended` on suspend; False with `Resumed` (and a new startTime) on resume. */
export function suspendCondition(ctx: ControllerContext, job: JobObject, now: Date): void {
  const st = (job.status ??= {})
  const suspend = Boolean(job.spec?.suspend)
  const c = suspend ? newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', now) : newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', now)
  const [conditions, changed] = ensureCondition(st.conditions ?? [], c)
  if (!changed) return
  st.conditions = conditions
  ctx.recorder.record({involved: job, type: 'Normal', reason: suspend ? 'Suspended' : 'Resumed', message: suspend ? 'Job suspended' : 'Job resumed', source: SOURCE})
  if (!suspend) st.startTime = rfc3339(now)
}

/** Pods controlled by a Job named `name` that is gone, replaced (another uid) or finished lose the finalizer. */
export function releaseOrphans(ctx: ControllerContext, namespace: string, name: string, job: JobObject | undefined): void {
  const finished = job !== undefined && isJobFinished(job.status?.conditions)
  for (const pod of ctx.cache.list('Pod', namespace)) {
    if (!hasTrackingFinalizer(pod)) continue
    const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'Job' && r.name === name)
    if (!ref || (job && ref.uid === job.metadata.uid && !finished)) continue
    try {
      ctx.api.modify(podType, namespace, pod.metadata.name!, (p) => {
        if (p.metadata.uid !== pod.metadata.uid) return false
        const rest = (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER)
        if (rest.length > 0) p.metadata.finalizers = rest
        else delete p.metadata.finalizers
      })
    } catch (error) {
      if (!lostRace(error)) throw error
    }
  }
}
