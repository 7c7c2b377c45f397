// Event rows as printers.go printEvent computes them: LAST SEEN falls back to the first time, a
// series overrides last time and count, OBJECT is `kind/name` in lower case.
import type {Event, KObject, ObjectOf} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler, wide} from './columns.js'

/** formatEventSource: component (or reportingController) and host (or reportingInstance). */
export function eventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || ''
  const host = ev.source?.host || ev.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}

/** Events: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT SOURCE, FIRST SEEN COUNT NAME. */
export const eventTable: TableHandler = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), wide('Subobject'), wide('Source'),
    col('Message'), wide('First Seen'), wide('Count'), wide('Name', 'name')],
  cells(obj: KObject, now: Date): string[] {
    const ev = obj as ObjectOf<'Event'>
    const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now)
    let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first
    let count = ev.count ?? 0
    if (ev.series) {
      last = since(ev.series.lastObservedTime, now)
      count = ev.series.count ?? 0
    } else if (count === 0) {
      count = 1
    }
    const inv = ev.involvedObject ?? {}
    const kind = (inv.kind ?? '').toLowerCase()
    const target = inv.name ? `${kind}/${inv.name}` : kind
    return [last, ev.type ?? '', ev.reason ?? '', target, inv.fieldPath ?? '', eventSource(ev),
      (ev.message ?? '').trim(), first, String(count), ev.metadata?.name ?? '']
  },
}
