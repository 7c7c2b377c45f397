// metav1.MicroTime: how the API server reads and writes times with microseconds (Lease times, Event
// eventTime). It parses them with Go's time.Parse and layout RFC3339Micro, which takes exactly six
// fractional digits; what it refuses comes back with Go's own parse-error text.

/** Go's RFC3339Micro layout, as quoted in parse errors. */
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00'

/** A time as MicroTime marshals it: UTC, six fractional digits (`2026-01-02T03:04:05.123456Z`). */
export function microTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

const quote = (s: string): string => JSON.stringify(s)
const isDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9'

// Go's getnum: one or two digits; `fixed` demands two
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)]
  return [Number(s.slice(0, 2)), s.slice(2)]
}

type Step = {elem: string; literal?: string; read?: (v: string) => [number, string] | undefined; max?: number; range?: string}

const STEPS: Step[] = [
  {elem: '2006', read: (v) => (v.length >= 4 && /^\d{4}/.test(v) ? [Number(v.slice(0, 4)), v.slice(4)] : undefined)},
  {elem: '-', literal: '-'},
  {elem: '01', read: (v) => getnum(v, true), max: 12, range: 'month'},
  {elem: '-', literal: '-'},
  {elem: '02', read: (v) => getnum(v, true)},
  {elem: 'T', literal: 'T'},
  {elem: '15', read: (v) => getnum(v, false), max: 23, range: 'hour'},
  {elem: ':', literal: ':'},
  {elem: '04', read: (v) => getnum(v, true), max: 59, range: 'minute'},
  {elem: ':', literal: ':'},
  {elem: '05', read: (v) => getnum(v, true), max: 59, range: 'second'},
  {elem: '.000000', read: (v) => (/^[.,]\d{6}/.test(v) ? [Number(v.slice(1, 7)), v.slice(7)] : undefined)},
]

/**
 * Reads a MicroTime as the API server does. Returns the canonical form (converted to UTC, the six
 * digits kept exactly) or Go's error text (`parsing time "x" as "2006-…": cannot parse "x" as "2006"`).
 */
export function parseMicroTime(value: string): {time: string} | {error: string} {
  const fail = (layoutElem: string, valueElem: string) => ({error: `parsing time ${quote(value)} as ${quote(RFC3339_MICRO)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`})
  const nums: number[] = []
  let rest = value
  for (const step of STEPS) {
    if (step.literal !== undefined) {
      if (!rest.startsWith(step.literal)) return fail(step.elem, rest)
      rest = rest.slice(step.literal.length)
      continue
    }
    const got = step.read!(rest)
    if (!got) return fail(step.elem, rest)
    if (step.max !== undefined && (got[0] > step.max || (step.range === 'month' && got[0] === 0))) {
      return {error: `parsing time ${quote(value)}: ${step.range} out of range`}
    }
    nums.push(got[0])
    rest = got[1]
  }
  let offsetMin = 0
  if (rest.startsWith('Z')) rest = rest.slice(1)
  else {
    const m = /^([+-])(\d\d):(\d\d)/.exec(rest)
    if (!m) return fail('Z07:00', rest)
    if (Number(m[2]) > 24) return {error: `parsing time ${quote(value)}: time zone offset hour out of range`}
    if (Number(m[3]) > 60) return {error: `parsing time ${quote(value)}: time zone offset minute out of range`}
    offsetMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
    rest = rest.slice(6)
  }
  if (rest.length > 0) return {error: `parsing time ${quote(value)}: extra text: ${quote(rest)}`}
  const [year, month, day, hour, minute, second, micros] = nums
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return {error: `parsing time ${quote(value)}: day out of range`}
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMin * 60_000)
  return {time: utc.toISOString().replace(/\.\d{3}Z$/, `.${String(micros).padStart(6, '0')}Z`)}
}
