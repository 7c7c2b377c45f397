import {expect} from 'chai'

import {QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, parseQuantity, quantityError} from '../../src/machinery/quantity.js'

const canon = (s: string | number): string | undefined => parseQuantity(s)?.toString()

describe('Quantity', () => {
  it('prints the canonical form the API server stores', () => {
    expect(canon('1.5')).to.equal('1500m')
    expect(canon('1.5Gi')).to.equal('1536Mi')
    expect(canon('1000m')).to.equal('1')
    expect(canon('1024Mi')).to.equal('1Gi')
    expect(canon('0.5Gi')).to.equal('512Mi')
    expect(canon('1000')).to.equal('1k')
    expect(canon('100Mi')).to.equal('100Mi')
    expect(canon('0')).to.equal('0')
    expect(canon('-1500m')).to.equal('-1500m')
  })

  it('keeps exponent notation and falls back to decimal for small binary values', () => {
    expect(canon('1e3')).to.equal('1e3')
    expect(canon('1.5e3')).to.equal('1500')
    expect(canon('1E3')).to.equal('1e3')
    expect(canon('512Ki')).to.equal('512Ki')
    expect(canon('0.5Ki')).to.equal('512')
  })

  it('rounds below nano precision up, and milli rounding is a separate step', () => {
    expect(canon('0.1m')).to.equal('100u')
    expect(canon('0.0000000001')).to.equal('1n')
    expect(parseQuantity('0.1m')!.roundUpMilli().toString()).to.equal('1m')
    expect(parseQuantity('1.0001')!.roundUpMilli().toString()).to.equal('1001m')
  })

  it('gives cpu in millis and memory as an integer, rounding up', () => {
    expect(parseQuantity('250m')!.milliValue()).to.equal(250)
    expect(parseQuantity('2')!.milliValue()).to.equal(2000)
    expect(parseQuantity('0.1m')!.milliValue()).to.equal(1)
    expect(parseQuantity('128Mi')!.value()).to.equal(134217728)
    expect(parseQuantity('1k')!.value()).to.equal(1000)
    expect(parseQuantity('1500m')!.value()).to.equal(2)
  })

  it('accepts numbers as YAML gives them', () => {
    expect(canon(2)).to.equal('2')
    expect(canon(0.5)).to.equal('500m')
  })

  it('compares and adds exactly', () => {
    expect(parseQuantity('1')!.cmp(parseQuantity('1000m')!)).to.equal(0)
    expect(parseQuantity('1Gi')!.cmp(parseQuantity('1G')!)).to.equal(1)
    expect(parseQuantity('100m')!.add(parseQuantity('0.9')!).toString()).to.equal('1')
  })

  it('refuses malformed strings with the API server messages', () => {
    expect(parseQuantity('abc')).to.equal(undefined)
    expect(quantityError('abc')).to.equal(QUANTITY_FORMAT_ERROR)
    expect(QUANTITY_FORMAT_ERROR).to.equal("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    expect(quantityError('1 Gi')).to.equal(QUANTITY_FORMAT_ERROR)
    expect(quantityError('')).to.equal(QUANTITY_FORMAT_ERROR)
    expect(quantityError('512Gu')).to.equal(QUANTITY_SUFFIX_ERROR)
    expect(quantityError('1K')).to.equal("unable to parse quantity's suffix")
    expect(quantityError('1Gi')).to.equal(undefined)
  })

  it('caps huge values at the int64 maximum', () => {
    expect(canon('1e40')).to.equal('9223372036854775807')
  })
})

const canonical = (s: string): string => parseQuantity(s)!.toString()

describe('quantity as describe prints it', () => {
  it('prints quantities in canonical form within their suffix family', () => {
    const got = ['100m', '1.5', '1000m', '1024Mi', '1.5Gi', '128974848', '1e3', '1000', '0.1m', '512', '500Mi', '1Ki', '0.5Ki', '0', '2Gi', '110']
      .map(canonical)
    expect(got).to.deep.equal(['100m', '1500m', '1', '1Gi', '1536Mi', '128974848', '1e3', '1k', '100u', '512', '500Mi', '1Ki', '512', '0', '2Gi', '110'])
  })

  it('rejects text that is not a quantity', () => {
    expect(parseQuantity('abc')).to.equal(undefined)
    expect(parseQuantity('1Zi')).to.equal(undefined)
  })

  it('rounds Value and MilliValue up and keeps the first format when adding', () => {
    expect(parseQuantity('250m')!.milliValue()).to.equal(250)
    expect(parseQuantity('1.5')!.value()).to.equal(2)
    expect(parseQuantity('64Mi')!.value()).to.equal(67108864)
    expect(parseQuantity('64Mi')!.add(parseQuantity('128Mi')!).toString()).to.equal('192Mi')
    expect(parseQuantity('100m')!.add(parseQuantity('1')!).toString()).to.equal('1100m')
  })
})
