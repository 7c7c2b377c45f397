import {expect} from 'chai'

import {alignTabs, DESCRIBE_TABWRITER, formatDescribe, formatTable, visibleWidth} from '../../src/printers/tabwriter.js'

describe('tabwriter', () => {
  it('pads every column but the last to the longest cell plus three spaces, as kubectl get does', () => {
    expect(formatTable([['NAME', 'READY', 'STATUS'], ['web-6b7f9c5d8-x2k4q', '1/1', 'Running'], ['db-0', '0/1', 'CrashLoopBackOff']])).to.equal(
      'NAME                  READY   STATUS\n' +
      'web-6b7f9c5d8-x2k4q   1/1     Running\n' +
      'db-0                  0/1     CrashLoopBackOff\n')
  })

  it('never makes a table column narrower than six characters', () => {
    expect(formatTable([['A', 'B'], ['x', 'y']])).to.equal('A     B\nx     y\n')
  })

  it('prints nothing for a table without rows', () => {
    expect(formatTable([])).to.equal('')
  })

  it('aligns describe cells only within a block of consecutive lines that contain a tab', () => {
    expect(formatDescribe('a:\t1\nlonger:\t2\nbreak\nb:\t3\n')).to.equal('a:       1\nlonger:  2\nbreak\nb:  3\n')
  })

  it('ends a column block at a line with fewer cells, as Go tabwriter does', () => {
    expect(formatDescribe('a\tb\tc\nxx\tyyyy\nz\tw\tv\n')).to.equal('a   b  c\nxx  yyyy\nz   w  v\n')
  })

  it('pads a tab-terminated cell even when the cell after it is empty', () => {
    expect(formatDescribe('a\t\nbb\tc\n')).to.equal('a   \nbb  c\n')
  })

  it('measures coloured cells by their visible width and pads after the colour', () => {
    const green = '\x1b[32mRunning\x1b[39m'
    expect(visibleWidth(green)).to.equal(7)
    expect(formatTable([['STATUS', 'AGE'], [green, '5s']])).to.equal(`STATUS    AGE\n${green}   5s\n`)
  })

  it('counts a multi-byte character as one column', () => {
    expect(alignTabs('ü\tx\nab\ty\n', DESCRIBE_TABWRITER)).to.equal('ü   x\nab  y\n')
  })
})
