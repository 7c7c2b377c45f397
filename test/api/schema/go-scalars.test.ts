import {expect} from 'chai'

import {goBase64Error} from '../../../src/api/schema/go-base64.js'
import {RFC3339, RFC3339_MICRO, goTimeParseError, goTimeQuote} from '../../../src/api/schema/go-time.js'

describe('goTimeParseError (time.Parse)', () => {
  it('accepts RFC 3339 times with Z, offsets and an optional fraction', () => {
    for (const v of ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05+02:00', '2024-01-02T03:04:05.123Z', '2024-02-29T23:59:59-12:30']) {
      expect(goTimeParseError(RFC3339, v), v).to.equal(undefined)
    }
  })

  it('names the layout element that failed and the rest of the value', () => {
    expect(goTimeParseError(RFC3339, '2024-01-02 03:04:05Z')).to.equal(
      'parsing time "2024-01-02 03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 03:04:05Z" as "T"',
    )
    expect(goTimeParseError(RFC3339, '2024-1-02T03:04:05Z')).to.equal(
      'parsing time "2024-1-02T03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-02T03:04:05Z" as "01"',
    )
    expect(goTimeParseError(RFC3339, '2024-01-02T03:04:05')).to.equal(
      'parsing time "2024-01-02T03:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    )
    expect(goTimeParseError(RFC3339, '')).to.equal('parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"')
  })

  it('reports out-of-range elements, extra text and impossible days', () => {
    expect(goTimeParseError(RFC3339, '2024-13-01T00:00:00Z')).to.equal('parsing time "2024-13-01T00:00:00Z": month out of range')
    expect(goTimeParseError(RFC3339, '2024-01-01T24:00:00Z')).to.equal('parsing time "2024-01-01T24:00:00Z": hour out of range')
    expect(goTimeParseError(RFC3339, '2023-02-29T00:00:00Z')).to.equal('parsing time "2023-02-29T00:00:00Z": day out of range')
    expect(goTimeParseError(RFC3339, '2024-01-01T00:00:00Zjunk')).to.equal('parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"')
    expect(goTimeParseError(RFC3339, '2024-01-01T00:00:00+25:00')).to.equal(
      'parsing time "2024-01-01T00:00:00+25:00": time zone offset hour out of range',
    )
  })

  it('requires exactly six fraction digits for micro-times', () => {
    expect(goTimeParseError(RFC3339_MICRO, '2024-01-02T03:04:05.123456Z')).to.equal(undefined)
    expect(goTimeParseError(RFC3339_MICRO, '2024-01-02T03:04:05.123Z')).to.equal(
      'parsing time "2024-01-02T03:04:05.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000"',
    )
  })

  it('quotes values as Go’s time package does', () => {
    expect(goTimeQuote('a"b\\c')).to.equal('"a\\"b\\\\c"')
    expect(goTimeQuote('é\n')).to.equal('"\\xc3\\xa9\\x0a"')
  })
})

describe('goBase64Error (base64.StdEncoding.Decode)', () => {
  it('accepts padded base64, with line breaks anywhere', () => {
    for (const v of ['', 'aGVsbG8=', 'aGVs\nbG8=', 'YQ==', 'YWJj']) expect(goBase64Error(v), v).to.equal(undefined)
  })

  it('reports the offset of the first bad byte', () => {
    expect(goBase64Error('abc!')).to.equal('illegal base64 data at input byte 3')
    expect(goBase64Error('hello')).to.equal('illegal base64 data at input byte 4')
    expect(goBase64Error('YQ=')).to.equal('illegal base64 data at input byte 3')
    expect(goBase64Error('Y===')).to.equal('illegal base64 data at input byte 1')
    expect(goBase64Error('YQ==YQ==')).to.equal('illegal base64 data at input byte 4')
    expect(goBase64Error('my secret')).to.equal('illegal base64 data at input byte 2')
  })
})
