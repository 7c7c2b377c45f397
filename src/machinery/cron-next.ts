// The next activation of a cron schedule after an instant, as robfig/cron v3's SpecSchedule.Next walks
// it: in the schedule's zone, month by month, day by day, hour by hour, minute by minute, with its
// handling of a midnight that a DST change skips; no time within five years gives undefined (Go's zero
// time). `@every` adds its delay to the instant, dropping sub-second parts.
import type {CronSchedule, SpecSchedule} from './cron.js'

import {wallClock, zoneDate, type Wall} from './cron-zone.js'

const HOUR = 3_600_000
const MINUTE = 60_000

function dayMatches(s: SpecSchedule, w: Wall): boolean {
  const domMatch = s.dom.has(w.day)
  const dowMatch = s.dow.has(w.weekday)
  if (s.domStar || s.dowStar) return domMatch && dowMatch
  return domMatch || dowMatch
}

/** The first activation strictly after `ms` (epoch ms), or undefined when none comes within five years. */
export function nextActivation(schedule: CronSchedule, ms: number): number | undefined {
  if (schedule.type === 'every') return ms - (((ms % 1000) + 1000) % 1000) + schedule.delayMs
  return specNext(schedule, ms)
}

function specNext(s: SpecSchedule, from: number): number | undefined {
  const zone = s.zone || 'UTC'
  const w0 = (t: number): Wall => wallClock(t, zone)
  // the upcoming whole second
  let t = Math.floor(from / 1000) * 1000 + 1000
  let added = false
  const yearLimit = w0(t).year + 5
  for (;;) {
    let w = w0(t)
    if (w.year > yearLimit) return undefined
    let wrapped = false
    while (!s.month.has(w.month)) {
      if (!added) {
        added = true
        t = zoneDate(w.year, w.month, 1, 0, 0, 0, zone)
        w = w0(t)
      }
      t = zoneDate(w.year, w.month + 1, w.day, w.hour, w.minute, w.second, zone)
      w = w0(t)
      if (w.month === 1) {
        wrapped = true
        break
      }
    }
    if (wrapped) continue
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true
        t = zoneDate(w.year, w.month, w.day, 0, 0, 0, zone)
        w = w0(t)
      }
      t = zoneDate(w.year, w.month, w.day + 1, w.hour, w.minute, w.second, zone)
      w = w0(t)
      // a midnight that DST skipped or doubled: back to the day's start
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * HOUR : -w.hour * HOUR
        w = w0(t)
      }
      if (w.day === 1) {
        wrapped = true
        break
      }
    }
    if (wrapped) continue
    while (!s.hour.has(w.hour)) {
      if (!added) {
        added = true
        t = zoneDate(w.year, w.month, w.day, w.hour, 0, 0, zone)
      }
      t += HOUR
      w = w0(t)
      if (w.hour === 0) {
        wrapped = true
        break
      }
    }
    if (wrapped) continue
    while (!s.minute.has(w.minute)) {
      if (!added) {
        added = true
        t -= t % MINUTE
      }
      t += MINUTE
      w = w0(t)
      if (w.minute === 0) {
        wrapped = true
        break
      }
    }
    if (wrapped) continue
    // the seconds field of a standard schedule is always 0
    while (w.second !== 0) {
      if (!added) {
        added = true
        t -= t % 1000
      }
      t += 1000
      w = w0(t)
      if (w.second === 0) {
        wrapped = true
        break
      }
    }
    if (wrapped) continue
    return t
  }
}
