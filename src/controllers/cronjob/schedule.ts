// The CronJob controller's time arithmetic (pkg/controller/cronjob/utils.go): the most recent unmet
// schedule time since the last schedule (or creation, or the starting deadline), how many were missed
// (none, few, or more than 100), and how long to wait for the next one (plus 100 ms for clock skew).
import type {CronJob} from 'kubernetes-types/batch/v1.js'
import type {CronSchedule} from '../../machinery/cron.js'

import {nextActivation} from '../../machinery/cron-next.js'

export type Missed = 'none' | 'few' | 'many'

/** nextScheduleDelta */
const NEXT_SCHEDULE_DELTA_MS = 100
const TOO_CLOSE = 'time difference between two schedules is less than 1 second'

export interface MostRecent {
  earliest: number
  mostRecent?: number
  missed: Missed
  error?: string
}

const parse = (ts: string | undefined | null): number | undefined => {
  const t = ts ? Date.parse(ts) : NaN
  return Number.isFinite(t) ? t : undefined
}

/**
 * mostRecentScheduleTime. A schedule with no time within five years (robfig's zero time, as `30 2 *`
 * on the 31st of February) makes two equal times: Go's "less than 1 second" error.
 */
export function mostRecentScheduleTime(cj: CronJob, now: number, schedule: CronSchedule, includeStartingDeadline: boolean): MostRecent {
  let earliest = parse(cj.status?.lastScheduleTime) ?? parse(cj.metadata?.creationTimestamp) ?? 0
  const deadline = cj.spec?.startingDeadlineSeconds
  if (includeStartingDeadline && deadline != null) earliest = Math.max(earliest, now - deadline * 1000)
  const t1 = nextActivation(schedule, earliest)
  if (t1 === undefined) return {earliest, missed: 'none', error: TOO_CLOSE}
  if (now < t1) return {earliest, missed: 'none'}
  const t2 = nextActivation(schedule, t1)
  if (t2 !== undefined && now < t2) return {earliest, mostRecent: t1, missed: 'none'}
  const between = t2 === undefined ? 0 : Math.round((t2 - t1) / 1000)
  if (between < 1) return {earliest, missed: 'none', error: TOO_CLOSE}
  const elapsed = Math.trunc((now - t1) / 1000)
  const missedCount = Math.trunc(elapsed / between) + 1
  let mostRecent: number | undefined
  // start two intervals before the estimate and let the schedule walk to the last time not after now
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000
  for (let t = nextActivation(schedule, potentialEarliest); t !== undefined && t <= now; t = nextActivation(schedule, t)) mostRecent = t
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none'
  return mostRecent === undefined ? {earliest, missed} : {earliest, mostRecent, missed}
}

/** nextScheduleTimeDuration: ms until the next schedule after the most recent one, plus 100 ms. */
export function nextScheduleDelay(cj: CronJob, now: number, schedule: CronSchedule): number | undefined {
  const r = mostRecentScheduleTime(cj, now, schedule, false)
  let from: number
  if (r.error !== undefined) from = now
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now
  else from = r.mostRecent
  const next = nextActivation(schedule, from)
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now
}
