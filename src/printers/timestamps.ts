// Timestamps as kubectl's printers show them: translateTimestampSince (an age, `<unknown>` for a
// missing timestamp) and Go's RFC1123Z.
import {humanDuration} from '../machinery/duration.js'

/** Milliseconds since the epoch of an RFC 3339 timestamp, or undefined when absent or unparsable. */
export function parseTime(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined
  const t = Date.parse(ts)
  return Number.isNaN(t) ? undefined : t
}

/** translateTimestampSince: HumanDuration(now - ts), or `<unknown>` without a timestamp. */
export function since(ts: string | undefined | null, now: Date): string {
  const t = parseTime(ts)
  return t === undefined ? '<unknown>' : humanDuration(now.getTime() - t)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')

/** Go's time.RFC1123Z in UTC (`Mon, 02 Jan 2006 15:04:05 +0000`); a missing time is Go's zero time. */
export function rfc1123z(ts: string | undefined | null): string {
  const t = parseTime(ts)
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(t)
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}
