// Go's time.Parse, for the two layouts metav1 decodes with (Time: RFC3339, MicroTime: RFC3339 with
// exactly six fractional digits), reduced to what the API server reports: the error text, or
// undefined when the value parses. Follows the element-by-element walk of Go's time/format.go.

/** time.RFC3339: the layout of metav1.Time. */
export const RFC3339 = '2006-01-02T15:04:05Z07:00'
/** metav1.RFC3339Micro: the layout of metav1.MicroTime (Lease and Event times). */
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00'

type Std = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'frac6' | 'tz'
/** The layout as Go's nextStdChunk splits it: a literal prefix, then a standard element. */
type Chunk = [prefix: string, std: Std, text: string]

const BASE: Chunk[] = [
  ['', 'year', '2006'],
  ['-', 'month', '01'],
  ['-', 'day', '02'],
  ['T', 'hour', '15'],
  [':', 'minute', '04'],
  [':', 'second', '05'],
]
const LAYOUTS: Record<string, Chunk[]> = {
  [RFC3339]: [...BASE, ['', 'tz', 'Z07:00']],
  [RFC3339_MICRO]: [...BASE, ['', 'frac6', '.000000'], ['', 'tz', 'Z07:00']],
}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9'

/** Go's getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)]
  return [Number(s.slice(0, 2)), s.slice(2)]
}

/** time's quote(): printable ASCII as is (with \" and \\ escaped), other bytes as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`
    } else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch
  }
  return `${out}"`
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** The error time.Parse(layout, value) returns, as text; undefined when it parses. */
export function goTimeParseError(layout: string, value: string): string | undefined {
  const cannot = (layoutElem: string, valueElem: string) =>
    `parsing time ${goTimeQuote(value)} as ${goTimeQuote(layout)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`
  const chunks = LAYOUTS[layout]
  let rest = value
  let year = 0
  let month = -1
  let day = -1
  for (let i = 0; i < chunks.length; i++) {
    const [prefix, std, text] = chunks[i]
    if (prefix && !rest.startsWith(prefix)) return cannot(prefix, rest)
    rest = rest.slice(prefix.length)
    const hold = rest
    let bad = false
    let range = ''
    if (std === 'year') {
      if (rest.length < 4 || !/^\d{4}/.test(rest)) bad = true
      else [year, rest] = [Number(rest.slice(0, 4)), rest.slice(4)]
    } else if (std === 'tz') {
      if (rest.startsWith('Z')) rest = rest.slice(1)
      else if (rest.length < 6 || rest[3] !== ':') bad = true
      else {
        const hr = getnum(rest.slice(1, 3), true)
        const mm = hr ? getnum(rest.slice(4, 6), true) : undefined
        if (!hr || !mm || !'+-'.includes(rest[0])) bad = true
        if (hr && hr[0] > 24) range = 'time zone offset hour'
        if (mm && mm[0] > 60) range = 'time zone offset minute'
        rest = rest.slice(6)
      }
    } else if (std === 'frac6') {
      const digits = rest.slice(1, 7)
      if (rest.length < 7 || !'.,'.includes(rest[0]) || !/^[+-]?\d+$/.test(digits)) bad = true
      else if (digits.startsWith('-') && Number(digits) < 0) range = 'fractional second'
      rest = rest.slice(7)
    } else {
      const n = getnum(rest, std !== 'hour')
      if (!n) bad = true
      else {
        const [v, r] = n
        rest = r
        if (std === 'month') {
          month = v
          if (v <= 0 || v > 12) range = 'month'
        } else if (std === 'day') day = v
        else if (std === 'hour' && v >= 24) range = 'hour'
        else if (std === 'minute' && v >= 60) range = 'minute'
        else if (std === 'second') {
          if (v >= 60) range = 'second'
          // a fraction the layout does not spell out is accepted after the seconds
          else if (chunks[i + 1]?.[1] !== 'frac6' && rest.length >= 2 && '.,'.includes(rest[0]) && isDigit(rest, 1)) {
            let k = 2
            while (isDigit(rest, k)) k++
            rest = rest.slice(k)
          }
        }
      }
    }
    if (range) return `parsing time ${goTimeQuote(value)}: ${range} out of range`
    if (bad) return cannot(text, hold)
  }
  if (rest.length > 0) return `parsing time ${goTimeQuote(value)}: extra text: ${goTimeQuote(rest)}`
  if (day < 1 || day > daysIn(month, year)) return `parsing time ${goTimeQuote(value)}: day out of range`
  return undefined
}
