// Durations as Kubernetes and Go write them: apimachinery's duration.HumanDuration and
// ShortHumanDuration (ages), Go's time.Duration.String() and time.ParseDuration. All in milliseconds.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** duration.HumanDuration: two significant units, truncated, `<invalid>` below -1 s. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** time.Duration.String() for a whole number of milliseconds: `0s`, `312ms`, `1.5s`, `2m3.25s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const secMs = ms % 60_000
  const whole = Math.floor(secMs / 1000)
  const frac = String(secMs % 1000).padStart(3, '0').replace(/0+$/, '')
  const s = `${whole}${frac ? `.${frac}` : ''}s`
  if (h > 0) return `${h}h${m}m${s}`
  if (m > 0) return `${m}m${s}`
  return s
}

const UNITS: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** time.ParseDuration (`30s`, `1m30s`, `500ms`, `2h`): undefined when Go refuses it; a bare number only when 0. */
export function parseGoDuration(text: string): number | undefined {
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
  if (body.length === 0 || pos !== body.length) return undefined
  return s.startsWith('-') ? -total : total
}
