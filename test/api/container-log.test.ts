// Reading a process-runtime instance's log back as the kubelet does: CRI lines, the rotated file first,
// sinceTime, tailLines, limitBytes, timestamps in RFC3339Nano with nine digits, partial lines joined.
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {instanceDirOf, logText, parseLogLines, readInstanceLog} from '../../src/api/container-log.js'

const HEX = 'ab'.repeat(32)

describe('container logs (process runtime)', () => {
  it('parses CRI lines, skipping what is not one', () => {
    const lines = parseLogLines('2026-12-07T04:33:25.150Z stdout F hello world\ngarbage\n2026-12-07T04:33:25.157Z stderr P no newline\n')
    expect(lines).to.deep.equal([
      {time: '2026-12-07T04:33:25.150Z', stream: 'stdout', partial: false, text: 'hello world'},
      {time: '2026-12-07T04:33:25.157Z', stream: 'stderr', partial: true, text: 'no newline'},
    ])
    expect(logText(lines, {})).to.equal('hello world\nno newline')
  })

  it('selects by since and tail, cuts at limitBytes, and stamps lines as the kubelet does', () => {
    const lines = parseLogLines(['01', '02', '03', '04'].map((s, i) => `2026-12-07T04:33:${s}.${i}00Z stdout F line ${i + 1}`).join('\n'))
    expect(logText(lines, {tail: 2})).to.equal('line 3\nline 4\n')
    expect(logText(lines, {tail: 0})).to.equal('')
    expect(logText(lines, {sinceMs: Date.parse('2026-12-07T04:33:03Z')})).to.equal('line 3\nline 4\n')
    expect(logText(lines, {limitBytes: 8})).to.equal('line 1\nl')
    expect(logText(lines, {tail: 1, timestamps: true})).to.equal('2026-12-07T04:33:04.300000000Z line 4\n')
  })

  it('reads the rotated file before the current one; other runtimes\' IDs have no folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-log-'))
    try {
      const dir = instanceDirOf(root, `process://${HEX}`)!
      expect(dir).to.equal(path.join(root, HEX))
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, 'log.1'), '2026-12-07T04:33:01.000Z stdout F old\n')
      fs.writeFileSync(path.join(dir, 'log'), '2026-12-07T04:33:02.000Z stdout F new\n')
      expect(readInstanceLog(dir).map((l) => l.text)).to.deep.equal(['old', 'new'])
      expect(instanceDirOf(root, `containerd://${HEX}`)).to.equal(undefined)
      expect(instanceDirOf(root, 'process://../../etc')).to.equal(undefined)
    } finally {
      fs.rmSync(root, {recursive: true, force: true})
    }
  })
})
