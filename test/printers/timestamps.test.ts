import {expect} from 'chai'

import {rfc1123z, since} from '../../src/printers/timestamps.js'

describe('timestamps', () => {
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
