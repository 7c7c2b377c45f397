// The config lock: one holder at a time, a dead holder's lock broken, a live (even stopped) holder
// waited for only so long and then named, reentrant within a process.
import {expect} from 'chai'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {LockTimeoutError, withFileLock, withFileLockUnless} from '../../src/config/file-lock.js'

describe('config file lock', () => {
  let dir: string
  let lock: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-lock-'))
    lock = path.join(dir, 'config.json.lock')
  })
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

  it('holds the lock file while running, reentrantly, and removes it after', () => {
    const seen: boolean[] = []
    const v = withFileLock(lock, () => {
      seen.push(fs.readFileSync(lock, 'utf8') === `${process.pid}\n`)
      return withFileLock(lock, () => {
        seen.push(fs.existsSync(lock))
        return 7
      })
    })
    expect(v).to.equal(7)
    expect(seen).to.deep.equal([true, true])
    expect(fs.readdirSync(dir)).to.deep.equal([])
  })

  it('removes the lock when the change throws', () => {
    expect(() => withFileLock(lock, () => {
      throw new Error('boom')
    })).to.throw('boom')
    expect(fs.existsSync(lock)).to.equal(false)
  })

  it("breaks the lock of a holder that died, and of a pid-less lock file left for a while", () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    fs.writeFileSync(lock, `${dead}\n`)
    const start = performance.now()
    expect(withFileLock(lock, () => 'ran', {waitMs: 5000})).to.equal('ran')
    expect(performance.now() - start).to.be.below(1000)
    fs.writeFileSync(lock, '')
    const old = (Date.now() - 10_000) / 1000
    fs.utimesSync(lock, old, old)
    expect(withFileLock(lock, () => 'ran again', {waitMs: 5000})).to.equal('ran again')
    expect(fs.readdirSync(dir)).to.deep.equal([])
  })

  it('waits for a live holder (here a stopped one) only so long, then names it and leaves its lock', () => {
    const holder = spawn('sleep', ['30'])
    try {
      process.kill(holder.pid!, 'SIGSTOP')
      fs.writeFileSync(lock, `${holder.pid}\n`)
      const start = performance.now()
      let err: unknown
      try {
        withFileLock(lock, () => 'never', {waitMs: 300, what: 'ksim config /x/config.json'})
      } catch (error) {
        err = error
      }
      expect(err).to.be.instanceOf(LockTimeoutError)
      expect((err as Error).message).to.equal(
        `ksim config /x/config.json is locked by process ${holder.pid} (lock file ${lock}), waited 0s; if no ksim command is running, remove the lock file`,
      )
      expect(performance.now() - start).to.be.within(300, 2000)
      expect(fs.readFileSync(lock, 'utf8')).to.equal(`${holder.pid}\n`)
    } finally {
      holder.kill('SIGKILL')
    }
  })

  it('stops waiting without the lock when the work is done meanwhile', () => {
    const holder = spawn('sleep', ['30'])
    try {
      fs.writeFileSync(lock, `${holder.pid}\n`)
      let polls = 0
      const r = withFileLockUnless(lock, () => 'ran', () => ++polls >= 3, {waitMs: 5000})
      expect(r).to.equal(undefined)
      expect(polls).to.equal(3)
    } finally {
      holder.kill('SIGKILL')
    }
  })
})
