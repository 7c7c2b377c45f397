// Fault test (npm run test:faults): a reconciler killed with SIGKILL at any moment leaves the store
// consistent, and the next one takes over the lease within a few seconds.
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import {reconcilerLog} from '../../src/config/paths.js'
import {pidAlive, readReconcilerStatus} from '../../src/reconciler/lease.js'
import {ensureReconciler} from '../../src/reconciler/spawn.js'
import {Store} from '../../src/store/sqlite-store.js'
import {eventually, fixture, repoRoot, useTempHome} from '../reconciler/helpers.js'

const ITERATIONS = 60
/** "within a few seconds": from the kill to a new live holder of the lease */
const TAKEOVER_LIMIT_MS = 5000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const logTail = () => fs.readFileSync(reconcilerLog('test'), 'utf8').split('\n').slice(-8).join('\n')

describe('reconciler killed with SIGKILL', function () {
  this.timeout(600_000)
  const t = useTempHome()

  it(`leaves an intact store and is replaced within a few seconds, ${ITERATIONS} times over, while a writer works`, async () => {
    const file = await t.cluster('test', {nodes: 2})
    const {store} = t.open()
    const writer = spawn(process.execPath, [fixture('api-writer.mjs'), path.join(repoRoot, 'dist'), file, '0', 'pods'], {stdio: ['ignore', 'pipe', 'inherit']})
    const writerExit = new Promise<number | null>((resolve) => writer.on('exit', resolve))
    const takeovers: number[] = []
    try {
      let killedAt = Date.now()
      for (let i = 0; i < ITERATIONS; i++) {
        const r = await ensureReconciler('test', {store, waitMs: TAKEOVER_LIMIT_MS})
        expect(r.spawnedPid, `iteration ${i}: a new process`).to.be.a('number')
        if (i % 3 === 0) {
          // kill it early: while it loads, takes the lease or makes its first pass
          await sleep(Math.random() * 250)
          process.kill(r.spawnedPid!, 'SIGKILL')
          await eventually('the early kill', () => !pidAlive(r.spawnedPid!))
          killedAt = Date.now()
          continue
        }
        expect(r.pid, `iteration ${i}: the lease taken by a new process; log:\n${logTail()}`).to.equal(r.spawnedPid)
        takeovers.push(Date.now() - killedAt)
        await sleep(Math.random() * 600)
        process.kill(r.pid!, 'SIGKILL')
        killedAt = Date.now()
        await eventually('the kill', () => !pidAlive(r.pid!))
        if (i % 10 === 0) expect(store.db.pragma('quick_check', {simple: true}), `iteration ${i}`).to.equal('ok')
      }
      const final = await ensureReconciler('test', {store, waitMs: TAKEOVER_LIMIT_MS})
      expect(final.pid).to.be.a('number')
      expect(readReconcilerStatus(store).alive).to.equal(true)
    } finally {
      writer.kill('SIGTERM')
    }
    expect(await writerExit).to.equal(0)
    for (const ms of takeovers) expect(ms).to.be.below(TAKEOVER_LIMIT_MS + 1000)

    // a fresh connection sees a sound file: SQLite's own check, then the store's bookkeeping
    const check = Store.open(file, {mustExist: true})
    try {
      expect(check.db.pragma('integrity_check', {simple: true})).to.equal('ok')
      const lastChange = check.db.prepare('SELECT max(rev) AS rev FROM changes').get() as {rev: number}
      const lastObject = check.db.prepare('SELECT max(rev) AS rev FROM objects').get() as {rev: number}
      expect(lastChange.rev).to.equal(check.revision())
      expect(lastObject.rev).to.be.at.most(check.revision())
      for (const sv of check.list('ConfigMap').items) expect(check.get(sv)?.rev).to.equal(sv.rev)
    } finally {
      check.close()
    }
  })
})
