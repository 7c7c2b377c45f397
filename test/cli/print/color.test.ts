import {expect} from 'chai'

import {colorFor, colorPrefixes} from '../../../src/cli/print/color.js'
import {Sandbox} from '../../helpers/cli.js'

describe('colour of ksim output (FORCE_COLOR, NO_COLOR, TTY)', function () {
  this.timeout(60_000)

  it('colours a terminal, not a pipe; NO_COLOR turns it off; FORCE_COLOR forces it either way', () => {
    const tty = {isTTY: true}
    const pipe = {isTTY: false}
    expect(colorFor(tty, {})).to.equal(true)
    expect(colorFor(pipe, {})).to.equal(false)
    expect(colorFor(tty, {NO_COLOR: '1'})).to.equal(false)
    expect(colorFor(tty, {NO_COLOR: ''}), 'an empty NO_COLOR is unset').to.equal(true)
    expect(colorFor(pipe, {FORCE_COLOR: '1'})).to.equal(true)
    expect(colorFor(pipe, {FORCE_COLOR: ''})).to.equal(true)
    expect(colorFor(pipe, {FORCE_COLOR: '1', NO_COLOR: '1'}), 'forcing wins').to.equal(true)
    expect(colorFor(tty, {FORCE_COLOR: '0'})).to.equal(false)
    expect(colorFor(tty, {FORCE_COLOR: 'false'})).to.equal(false)
  })

  it('colours the error: and Warning: prefixes of each line, nothing else', () => {
    expect(colorPrefixes('error: bad\nWarning: careful\nError from server (NotFound): x\n')).to.equal(
      '\u001B[31merror:\u001B[39m bad\n\u001B[33mWarning:\u001B[39m careful\nError from server (NotFound): x\n',
    )
  })

  it('writes a coloured error: prefix under FORCE_COLOR, a plain one otherwise', () => {
    const sb = new Sandbox('ksim-color-', {KSIM_NO_RECONCILER: '1'})
    try {
      const args = ['get', 'pods', '--context', 'nope']
      expect(sb.run(args, {env: {FORCE_COLOR: '1'}})).to.deep.equal({stdout: '', stderr: '\u001B[31merror:\u001B[39m context was not found for specified context: nope\n', code: 1})
      expect(sb.run(args).stderr).to.equal('error: context was not found for specified context: nope\n')
      expect(sb.run(args, {env: {NO_COLOR: '', FORCE_COLOR: '0'}}).stderr).to.equal('error: context was not found for specified context: nope\n')
    } finally {
      sb.cleanup()
    }
  })
})
