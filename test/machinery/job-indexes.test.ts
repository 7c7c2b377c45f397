import {expect} from 'chai'

import {formatIndexes, parseIndexes} from '../../src/machinery/job-indexes.js'

describe('job index lists', () => {
  it('formats runs of three or more as a-b and pairs as two numbers, as the Job controller writes them', () => {
    expect(formatIndexes([])).to.equal('')
    expect(formatIndexes([3, 0, 1, 2, 5, 6, 9])).to.equal('0-3,5,6,9')
    expect(formatIndexes([1, 1, 2])).to.equal('1,2')
  })

  it('parses what it formats, and refuses bad lists with the API server\'s messages', () => {
    expect(parseIndexes('0-3,5,6,9', 10)).to.deep.equal([0, 1, 2, 3, 5, 6, 9])
    expect(parseIndexes('', 3)).to.deep.equal([])
    expect(parseIndexes('1-2-3', 10)).to.equal(`the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'`)
    expect(parseIndexes('a', 10)).to.equal('cannot convert string to integer for index: "a"')
    expect(parseIndexes('0-12', 10)).to.equal('too large index: "12"')
    expect(parseIndexes('3,1', 10)).to.equal('non-increasing order, previous: 3, current: 1')
    expect(parseIndexes('4-2', 10)).to.equal('non-increasing order, previous: 4, current: 2')
  })
})
