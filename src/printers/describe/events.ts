// The Events section every describer ends with (DescribeEvents): oldest last-seen first,
// `<age> (x<count> over <first age>)` for repeats, and since kubectl 1.35 the involved object's
// field path in front of the message.
import type {Event, KObject, ObjectOf} from '../../api/types.js'

import {parseTime, since} from '../timestamps.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'

/** The Age cell of one event. */
export function eventInterval(ev: Event, now: Date): string {
  const first = ev.eventTime ? since(ev.eventTime, now) : since(ev.firstTimestamp, now)
  if (ev.series) return `${since(ev.series.lastObservedTime, now)} (x${ev.series.count ?? 0} over ${first})`
  if ((ev.count ?? 0) > 1) return `${since(ev.lastTimestamp, now)} (x${ev.count} over ${first})`
  return first
}

/** DescribeEvents: `Events:\t<none>` or the Type/Reason/Age/From/Message table. */
export function describeEvents(events: KObject[], w: PrefixWriter, now: Date): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  // event.SortableEvents: by lastTimestamp (a missing one is Go's zero time, the earliest)
  const key = (e: Event): number => parseTime(e.lastTimestamp) ?? Number.MIN_SAFE_INTEGER
  const sorted = (events as ObjectOf<'Event'>[]).slice().sort((a, b) => key(a) - key(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const ev of sorted) {
    const from = ev.source?.component || ev.reportingComponent || ''
    let message = (ev.message ?? '').trim()
    if (ev.involvedObject?.fieldPath) message = `${ev.involvedObject.fieldPath}: ${message}`
    w.write(LEVEL_1, `${ev.type ?? ''}\t${ev.reason ?? ''}\t${eventInterval(ev, now)}\t${from}\t${message}\n`)
  }
}

/** A describer's last step: the Events section (none for --show-events=false), then the whole text. */
export function endWithEvents(w: PrefixWriter, ctx: {events: KObject[]; now: Date; showEvents?: boolean}): string {
  if (ctx.showEvents !== false) describeEvents(ctx.events, w, ctx.now)
  return w.toString()
}
