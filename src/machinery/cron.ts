// Cron schedules as the CronJob controller and the API server read them: robfig/cron v3's ParseStandard
// (five fields — minute, hour, day of month, month, day of week — with lists, ranges, steps, `*` and `?`,
// JAN-DEC and SUN-SAT names; the descriptors @yearly @annually @monthly @weekly @daily @midnight
// @hourly and @every <duration>; a TZ= or CRON_TZ= prefix), with robfig's error texts, and the next
// activation after an instant (cron-next.ts).
import {loadLocationError} from './cron-zone.js'
import {goQuote} from './go-format.js'
import {parseGoDuration} from './duration.js'

/** A parsed five-field schedule: one bit per allowed value, and whether the field was `*` or `?`. */
export interface SpecSchedule {
  type: 'spec'
  minute: Set<number>
  hour: Set<number>
  dom: Set<number>
  month: Set<number>
  dow: Set<number>
  domStar: boolean
  dowStar: boolean
  /** the IANA zone of a TZ= prefix; '' for the process's zone (UTC, as kube-controller-manager runs) */
  zone: string
}

/** `@every <duration>`: a constant delay, whole seconds. */
export interface EverySchedule {
  type: 'every'
  delayMs: number
}

export type CronSchedule = SpecSchedule | EverySchedule

interface Bounds {
  min: number
  max: number
  names?: Record<string, number>
}

const MONTHS: Bounds = {min: 1, max: 12, names: {jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12}}
const DOW: Bounds = {min: 0, max: 6, names: {sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6}}
const FIELDS: Bounds[] = [{min: 0, max: 59}, {min: 0, max: 23}, {min: 1, max: 31}, MONTHS, DOW]

class CronError extends Error {}

function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`)
  const v = BigInt(expr)
  if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: value out of range`)
  const n = Number(v)
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`)
  return n
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()]
  return named ?? mustParseInt(expr)
}

/** getRange: `*`, `?`, `n`, `a-b`, each with an optional `/step`; whether it counts as a star. */
function getRange(expr: string, r: Bounds, into: Set<number>): boolean {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0].split('-')
  let start: number
  let end: number
  let star = false
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min
    end = r.max
    star = true
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names)
    else throw new CronError(`too many hyphens: ${expr}`)
  }
  let step = 1
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1])
    if (lowAndHigh.length === 1) end = r.max
    if (step > 1) star = false
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`)
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`)
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`)
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`)
  for (let i = start; i <= end; i += step) into.add(i)
  return star
}

function getField(field: string, r: Bounds): {values: Set<number>; star: boolean} {
  const values = new Set<number>()
  let star = false
  for (const expr of field.split(',').filter((e) => e !== '')) star = getRange(expr, r, values) || star
  return {values, star}
}

const range = (min: number, max: number): Set<number> => new Set(Array.from({length: max - min + 1}, (_, i) => min + i))

function descriptor(spec: string, zone: string): CronSchedule {
  const at = (minute: number[], hour: Set<number>, dom: Set<number>, month: Set<number>, dow: Set<number>, domStar: boolean, dowStar: boolean): SpecSchedule =>
    ({type: 'spec', minute: new Set(minute), hour, dom, month, dow, domStar, dowStar, zone})
  const midnight = new Set([0])
  switch (spec) {
    case '@yearly':
    case '@annually':
      return at([0], midnight, new Set([1]), new Set([1]), range(0, 6), false, true)
    case '@monthly':
      return at([0], midnight, new Set([1]), range(1, 12), range(0, 6), false, true)
    case '@weekly':
      return at([0], midnight, range(1, 31), range(1, 12), new Set([0]), true, false)
    case '@daily':
    case '@midnight':
      return at([0], midnight, range(1, 31), range(1, 12), range(0, 6), true, true)
    case '@hourly':
      return at([0], range(0, 23), range(1, 31), range(1, 12), range(0, 6), true, true)
  }
  if (spec.startsWith('@every ')) {
    const text = spec.slice('@every '.length)
    const ms = parseGoDuration(text)
    if (ms === undefined) throw new CronError(`failed to parse duration ${spec}: time: invalid duration ${goQuote(text)}`)
    const delay = Math.max(ms, 1000)
    return {type: 'every', delayMs: delay - (delay % 1000)}
  }
  throw new CronError(`unrecognized descriptor: ${spec}`)
}

/** cron.ParseStandard: the schedule, or robfig's error text. */
export function parseStandard(input: string): CronSchedule | string {
  try {
    return parse(input)
  } catch (error) {
    if (error instanceof CronError) return error.message
    throw error
  }
}

function parse(input: string): CronSchedule {
  if (input.length === 0) throw new CronError('empty spec string')
  let spec = input
  let zone = ''
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ')
    const name = spec.slice(spec.indexOf('=') + 1, i < 0 ? spec.length : i)
    const err = loadLocationError(name)
    if (err !== undefined) throw new CronError(`provided bad location ${name}: ${err}`)
    zone = name === 'Local' ? '' : name
    spec = i < 0 ? '' : spec.slice(i).trim()
  }
  if (spec.startsWith('@')) return descriptor(spec, zone)
  const fields = spec.split(/\s+/).filter((f) => f !== '')
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  const [minute, hour, dom, month, dow] = fields.map((f, i) => getField(f, FIELDS[i]))
  return {type: 'spec', minute: minute.values, hour: hour.values, dom: dom.values, month: month.values, dow: dow.values, domStar: dom.star, dowStar: dow.star, zone}
}
