import {expect} from 'chai'

import {addQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue} from '../../src/printers/quantity.js'

const canonical = (s: string): string => formatQuantity(parseQuantity(s)!)

describe('quantity', () => {
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
    expect(quantityMilliValue(parseQuantity('250m')!)).to.equal(250)
    expect(quantityValue(parseQuantity('1.5')!)).to.equal(2)
    expect(quantityValue(parseQuantity('64Mi')!)).to.equal(67108864)
    expect(formatQuantity(addQuantity(parseQuantity('64Mi')!, parseQuantity('128Mi')!))).to.equal('192Mi')
    expect(formatQuantity(addQuantity(parseQuantity('100m')!, parseQuantity('1')!))).to.equal('1100m')
  })
})
