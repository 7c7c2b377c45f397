import {expect} from 'chai'

import {positionalWords} from '../../src/cli/positional-order.js'

// the parser's tokens for a command line: positional words in order, and unknown flags
const tokens = (...words: string[]) => words.map((input) => ({type: 'arg', input}))

describe('positionalWords (the order oclif sorts away)', () => {
  it('keeps the words after -- where they stand, though one appeared before as a flag or a flag value', () => {
    const line = ['web', '-c', 'app', '--', 'sh', '-c', 'echo app']
    // oclif's argv: sorted by each word's first index, so the command's -c came first
    const parsed = {argv: ['web', '-c', 'sh', 'echo app'], raw: [{type: 'flag', input: 'app'}, ...tokens('web', 'sh', '-c', 'echo app')]}
    expect(positionalWords(line, parsed)).to.deep.equal(['web', 'sh', '-c', 'echo app'])
  })

  it('puts the unknown flags a non-strict command keeps back where they were, before --', () => {
    const line = ['pod', '--bogus', '--', 'ls', '--bogus']
    const parsed = {argv: ['pod', '--bogus', 'ls', '--bogus'], raw: tokens('pod', 'ls', '--bogus'), nonExistentFlags: ['--bogus']}
    expect(positionalWords(line, parsed)).to.deep.equal(['pod', '--bogus', 'ls', '--bogus'])
  })

  it('keeps a word that is both a flag value and an argument once for each', () => {
    const line = ['-c', 'app', 'app', '--', 'echo', 'app']
    const parsed = {argv: ['app', 'app', 'echo'], raw: [{type: 'flag', input: 'app'}, ...tokens('app', 'echo', 'app')]}
    expect(positionalWords(line, parsed)).to.deep.equal(['app', 'echo', 'app'])
  })

  it("keeps the parser's argv when it holds what the line does not (a default, a parsed value)", () => {
    expect(positionalWords(['x'], {argv: ['x', 'default'], raw: tokens('x')})).to.deep.equal(['x', 'default'])
  })
})
