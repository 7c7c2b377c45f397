// Go time.Duration syntax for flags like --timeout (`30s`, `1m30s`, `500ms`, `2h`), in milliseconds.
import {FlagError} from './errors.js'

const UNITS: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** Parses a Go duration; a bare number is refused unless it is 0, as Go does. */
export function parseDuration(text: string, flag: string): number {
  const s = text.trim()
  if (s === '0' || s === '-0' || s === '+0') return 0
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy
  const body = s.replace(/^[-+]/, '')
  let total = 0
  let pos = 0
  let m: RegExpExecArray | null
  while (pos < body.length && (re.lastIndex = pos, (m = re.exec(body)))) {
    total += Number(m[1]) * UNITS[m[2]]
    pos = re.lastIndex
  }
  if (body.length === 0 || pos !== body.length) {
    throw new FlagError(`invalid argument "${text}" for "--${flag}" flag: time: invalid duration "${text}"`)
  }
  return s.startsWith('-') ? -total : total
}
