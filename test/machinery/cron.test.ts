import {expect} from 'chai'

import {parseStandard} from '../../src/machinery/cron.js'
import {nextActivation} from '../../src/machinery/cron-next.js'
import {loadLocationError, rfc1123zUTC, rfc3339In, zoneDate} from '../../src/machinery/cron-zone.js'

/** The next activation after `from`, as an ISO string ('none' past five years). */
function next(spec: string, from: string): string {
  const s = parseStandard(spec)
  if (typeof s === 'string') throw new Error(s)
  const t = nextActivation(s, Date.parse(from))
  return t === undefined ? 'none' : new Date(t).toISOString()
}

/** The times after `from`, `n` of them. */
function times(spec: string, from: string, n: number): string[] {
  const out: string[] = []
  let at = from
  for (let i = 0; i < n; i++) out.push((at = next(spec, at)))
  return out
}

describe('cron schedules (robfig/cron ParseStandard)', () => {
  it('refuses bad specs with robfig\'s texts', () => {
    const cases: Record<string, string> = {
      '': 'empty spec string',
      '* * * *': 'expected exactly 5 fields, found 4: [* * * *]',
      '0 0 * * * *': 'expected exactly 5 fields, found 6: [0 0 * * * *]',
      '60 * * * *': 'end of range (60) above maximum (59): 60',
      '* 24 * * *': 'end of range (24) above maximum (23): 24',
      '* * 0 * *': 'beginning of range (0) below minimum (1): 0',
      '* * * 13 *': 'end of range (13) above maximum (12): 13',
      '* * * * 7': 'end of range (7) above maximum (6): 7',
      'a * * * *': 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax',
      '*/0 * * * *': 'step of range should be a positive number: */0',
      '5-1 * * * *': 'beginning of range (5) beyond end of range (1): 5-1',
      '1-2-3 * * * *': 'too many hyphens: 1-2-3',
      '1/2/3 * * * *': 'too many slashes: 1/2/3',
      '* * * FOO *': 'failed to parse int from FOO: strconv.Atoi: parsing "FOO": invalid syntax',
      '@fortnightly': 'unrecognized descriptor: @fortnightly',
      '@every x': 'failed to parse duration @every x: time: invalid duration "x"',
      'TZ=Mars/Olympus * * * * *': 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
    }
    for (const [spec, message] of Object.entries(cases)) expect(parseStandard(spec), spec).to.equal(message)
  })

  it('walks minutes, steps, lists, ranges and names', () => {
    expect(times('*/15 * * * *', '2026-12-07T04:58:30Z', 3)).to.deep.equal(['2026-12-07T05:00:00.000Z', '2026-12-07T05:15:00.000Z', '2026-12-07T05:30:00.000Z'])
    expect(times('5,10 3-4 * * *', '2026-12-07T03:07:00Z', 3)).to.deep.equal(['2026-12-07T03:10:00.000Z', '2026-12-07T04:05:00.000Z', '2026-12-07T04:10:00.000Z'])
    // Saturday 5 December 2026 → Monday 9:00
    expect(next('0 9 * * MON-FRI', '2026-12-05T10:00:00Z')).to.equal('2026-12-07T09:00:00.000Z')
    expect(next('0 0 1 jan ?', '2026-12-07T00:00:00Z')).to.equal('2027-01-01T00:00:00.000Z')
    expect(next('30 */6 * * *', '2026-12-07T06:30:00Z')).to.equal('2026-12-07T12:30:00.000Z')
  })

  it('matches day of month OR day of week when both are restricted, AND when one is a star', () => {
    // the 13th, or any Friday: Friday 11 December comes first
    expect(next('0 0 13 * FRI', '2026-12-07T00:00:00Z')).to.equal('2026-12-11T00:00:00.000Z')
    // */2 in the day of month is not a star: days 1, 3, 5... or Sundays
    expect(times('0 0 */2 * SUN', '2026-12-07T00:00:00Z', 3)).to.deep.equal(['2026-12-09T00:00:00.000Z', '2026-12-11T00:00:00.000Z', '2026-12-13T00:00:00.000Z'])
    expect(next('0 0 * * SUN', '2026-12-07T00:00:00Z')).to.equal('2026-12-13T00:00:00.000Z')
  })

  it('reads the descriptors, and @every as a constant delay on whole seconds', () => {
    expect(next('@yearly', '2026-12-07T04:00:00Z')).to.equal('2027-01-01T00:00:00.000Z')
    expect(next('@annually', '2026-12-07T04:00:00Z')).to.equal('2027-01-01T00:00:00.000Z')
    expect(next('@monthly', '2026-12-07T04:00:00Z')).to.equal('2027-01-01T00:00:00.000Z')
    expect(next('@weekly', '2026-12-07T04:00:00Z')).to.equal('2026-12-13T00:00:00.000Z')
    expect(next('@daily', '2026-12-07T04:00:00Z')).to.equal('2026-12-08T00:00:00.000Z')
    expect(next('@midnight', '2026-12-07T04:00:00Z')).to.equal('2026-12-08T00:00:00.000Z')
    expect(next('@hourly', '2026-12-07T04:00:00Z')).to.equal('2026-12-07T05:00:00.000Z')
    expect(next('@every 1h30m', '2026-12-07T04:58:30.500Z')).to.equal('2026-12-07T06:28:30.000Z')
  })

  it('gives no time for a date that never comes (31 February)', () => {
    expect(next('0 0 31 2 *', '2026-12-07T00:00:00Z')).to.equal('none')
  })

  it('runs in a TZ= zone, skipping a wall time that a DST change removes as Go does', () => {
    // New York: EST (-5) until 14 March 2027 02:00, then EDT (-4)
    expect(next('TZ=America/New_York 0 0 * * *', '2027-03-13T12:00:00Z')).to.equal('2027-03-14T05:00:00.000Z')
    expect(next('TZ=America/New_York 0 0 * * *', '2027-03-14T12:00:00Z')).to.equal('2027-03-15T04:00:00.000Z')
    // 02:30 does not exist on 14 March: robfig's walk passes the day by
    expect(next('TZ=America/New_York 30 2 * * *', '2027-03-13T12:00:00Z')).to.equal('2027-03-15T06:30:00.000Z')
    // 01:30 happens twice on 7 November 2027 (EDT, then EST): robfig's walk fires at both
    expect(times('TZ=America/New_York 30 1 * * *', '2027-11-07T04:00:00Z', 3)).to.deep.equal(['2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z', '2027-11-08T06:30:00.000Z'])
    expect(next('CRON_TZ=Asia/Kolkata 0 9 * * *', '2026-12-07T00:00:00Z')).to.equal('2026-12-07T03:30:00.000Z')
  })
})

describe('cron time zones', () => {
  it('knows IANA names as Go loads them, case included', () => {
    expect(loadLocationError('Europe/Berlin')).to.equal(undefined)
    expect(loadLocationError('US/Eastern')).to.equal(undefined)
    expect(loadLocationError('Etc/UTC')).to.equal(undefined)
    expect(loadLocationError('europe/berlin')).to.equal('unknown time zone europe/berlin')
    expect(loadLocationError('Mars/Olympus')).to.equal('unknown time zone Mars/Olympus')
  })

  it('formats scheduled times as Go\'s RFC3339 in the zone and RFC1123Z at UTC', () => {
    const t = Date.parse('2026-12-07T05:00:00Z')
    expect(rfc3339In(t, 'UTC')).to.equal('2026-12-07T05:00:00Z')
    expect(rfc3339In(t, 'America/New_York')).to.equal('2026-12-07T00:00:00-05:00')
    expect(rfc3339In(t, 'Asia/Kolkata')).to.equal('2026-12-07T10:30:00+05:30')
    expect(rfc1123zUTC(t)).to.equal('Mon, 07 Dec 2026 05:00:00 +0000')
  })

  it('resolves wall times in a gap with the offset after it and in an overlap to the first, as time.Date', () => {
    // 02:30 does not exist on 14 March 2027 in New York: Go's time.Date gives 01:30 EST
    expect(new Date(zoneDate(2027, 3, 14, 2, 30, 0, 'America/New_York')).toISOString()).to.equal('2027-03-14T06:30:00.000Z')
    expect(new Date(zoneDate(2027, 11, 7, 1, 30, 0, 'America/New_York')).toISOString()).to.equal('2027-11-07T05:30:00.000Z')
    expect(new Date(zoneDate(2026, 13, 1, 0, 0, 0, 'UTC')).toISOString()).to.equal('2027-01-01T00:00:00.000Z')
  })
})
