// Wall-clock arithmetic in an IANA time zone, as Go's time package does it for the cron schedule: a
// zone's offset at an instant (from Node's ICU through Intl), the wall-clock fields of an instant, and
// time.Date (wall clock fields to an instant, normalizing overflow, resolving gaps and overlaps as Go
// does). Instants are epoch milliseconds.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short'})
    formatters.set(zone, f)
  }
  return f
}

/**
 * time.LoadLocation's answer for a name: undefined when the zone exists, else Go's error text. Go reads
 * the tz database's files, so a name's case matters; ICU's lookup ignores case, hence the check that
 * every component of the name starts as the database spells it (an upper-case letter).
 */
export function loadLocationError(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined
  try {
    const resolved = formatter(name).resolvedOptions().timeZone
    if (resolved === name || name.split('/').every((part) => /^[A-Z]/.test(part))) return undefined
  } catch {
    // an unknown zone
  }
  return `unknown time zone ${name}`
}

/** The zone's offset from UTC (ms) at an instant. */
export function zoneOffset(ms: number, zone: string): number {
  if (zone === 'UTC' || zone === '') return 0
  const at = Math.floor(ms / 1000) * 1000
  const parts: Record<string, string> = {}
  for (const p of formatter(zone).formatToParts(new Date(at))) parts[p.type] = p.value
  let year = Number(parts.year)
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year
  const local = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return local - at
}

/** The wall-clock fields of an instant in a zone (month 1-12, weekday 0 = Sunday). */
export interface Wall {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
}

export function wallClock(ms: number, zone: string): Wall {
  const d = new Date(ms + zoneOffset(ms, zone))
  return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay()}
}

/**
 * time.Date: the instant of a wall-clock time in a zone, fields out of range normalized (month 13 is next
 * January). Like Go, the offset is looked up at the wall time read as UTC, and looked up again at the
 * result when that falls outside the first offset's period: a wall time in a spring-forward gap takes
 * the offset after the gap (02:30 in New York becomes 01:30 EST), one in a fall-back overlap the first.
 */
export function zoneDate(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): number {
  const local = Date.UTC(year, month - 1, day, hour, minute, second)
  const first = zoneOffset(local, zone)
  if (first === 0) return local
  const utc = local - first
  const second2 = zoneOffset(utc, zone)
  return second2 === first ? utc : local - second2
}

const two = (n: number): string => String(n).padStart(2, '0')

/** time.Format(time.RFC3339) of an instant in a zone: `2026-12-07T00:00:00-05:00`, or `...Z` at UTC. */
export function rfc3339In(ms: number, zone: string): string {
  const off = zoneOffset(ms, zone)
  const w = wallClock(ms, zone)
  const date = `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`
  if (off === 0) return `${date}Z`
  const mins = Math.abs(off) / 60_000
  return `${date}${off < 0 ? '-' : '+'}${two(Math.floor(mins / 60))}:${two(mins % 60)}`
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** time.Format(time.RFC1123Z) of an instant at UTC: `Mon, 07 Dec 2026 05:00:00 +0000`. */
export function rfc1123zUTC(ms: number): string {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}
