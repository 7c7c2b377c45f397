import {expect} from 'chai'

import {humanDuration} from '../../src/machinery/duration.js'

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
})
