import {expect} from 'chai'

import {humanDuration, rfc1123z, since} from '../../src/printers/duration.js'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('duration', () => {
  const cases: [number, string][] = [
    [-3 * S, '<invalid>'], [-2 * S, '<invalid>'], [-1.5 * S, '0s'], [0, '0s'], [5 * S, '5s'], [119 * S + 999, '119s'],
    [120 * S, '2m'], [123 * S, '2m3s'], [599 * S, '9m59s'], [10 * M, '10m'], [179 * M + 59 * S, '179m'],
    [3 * H, '3h'], [3 * H + 4 * M, '3h4m'], [7 * H + 59 * M, '7h59m'], [8 * H, '8h'], [47 * H + 59 * M, '47h'],
    [48 * H, '2d'], [2 * D + 3 * H, '2d3h'], [7 * D + 23 * H, '7d23h'], [8 * D, '8d'], [729 * D, '729d'],
    [730 * D, '2y'], [(3 * 365 + 12) * D, '3y12d'], [8 * 365 * D, '8y'], [10 * 365 * D + 5 * D, '10y'],
  ]
  for (const [ms, text] of cases) {
    it(`prints ${ms} ms as ${text} like HumanDuration`, () => {
      expect(humanDuration(ms)).to.equal(text)
    })
  }


  it('prints <unknown> for a missing timestamp and the age otherwise', () => {
    const now = new Date('2026-07-01T12:00:00Z')
    expect(since(undefined, now)).to.equal('<unknown>')
    expect(since('2026-07-01T11:57:57Z', now)).to.equal('2m3s')
  })

  it('formats times as Go RFC1123Z in UTC', () => {
    expect(rfc1123z('2006-01-02T15:04:05Z')).to.equal('Mon, 02 Jan 2006 15:04:05 +0000')
    expect(rfc1123z('2026-07-01T09:08:07.123456Z')).to.equal('Wed, 01 Jul 2026 09:08:07 +0000')
    expect(rfc1123z(undefined)).to.equal('Mon, 01 Jan 0001 00:00:00 +0000')
  })
})
