import {expect} from 'chai'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {reconcilerLog} from '../../src/config/paths.js'
import type {ControllerContext} from '../../src/controllers/types.js'
import {pidAlive, readReconcilerStatus} from '../../src/reconciler/lease.js'
import {runReconciler} from '../../src/reconciler/main.js'
import {ensureReconciler, stopReconciler} from '../../src/reconciler/spawn.js'
import {configMap, eventually, fixture, repoRoot, useTempHome} from './helpers.js'

const LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (info|warn|error) \S.*$/

function logLines(cluster = 'test'): string[] {
  return fs.existsSync(reconcilerLog(cluster)) ? fs.readFileSync(reconcilerLog(cluster), 'utf8').split('\n').filter((l) => l.length > 0) : []
}

describe('reconciler process', function () {
  this.timeout(60_000)
  const t = useTempHome()

  it('starts one detached reconciler that holds the lease, and does not start a second', async () => {
    await t.cluster()
    const first = await ensureReconciler('test', {waitMs: 10_000})
    expect(first.started).to.equal(true)
    expect(first.pid).to.be.a('number')
    expect(pidAlive(first.pid!)).to.equal(true)
    const again = await ensureReconciler('test')
    expect(again).to.deep.include({started: false, pid: first.pid})
    const {store} = t.open()
    expect(readReconcilerStatus(store)).to.deep.include({alive: true, pid: first.pid, holder: `${os.hostname()}_${first.pid}`})
    const log = logLines()
    expect(log[0]).to.match(new RegExp(`^\\S+ info started as ${os.hostname()}_${first.pid}; controllers: `))
    for (const l of log) expect(l).to.match(LINE)
    expect(fs.statSync(reconcilerLog('test')).mode & 0o777).to.equal(0o600)
  })

  it('leaves exactly one reconciler running when several commands race to start it', async () => {
    await t.cluster()
    const bin = path.join(repoRoot, 'bin', 'run.js')
    const runs = Array.from({length: 5}, () =>
      new Promise<string>((resolve) => {
        const p = spawn(process.execPath, [bin, 'cluster', 'start', 'test'], {env: {...process.env}, stdio: ['ignore', 'pipe', 'inherit']})
        let out = ''
        p.stdout!.on('data', (d: Buffer) => (out += d.toString()))
        p.on('exit', () => resolve(out))
      }),
    )
    const outputs = await Promise.all(runs)
    const pids = new Set(outputs.map((o) => /\(pid (\d+)\)/.exec(o)?.[1]))
    expect(pids.size, outputs.join('')).to.equal(1)
    const pid = Number([...pids][0])
    // each run that printed "started" spawned a process; all but one of those gave up at once
    const spawned = outputs.filter((o) => o === `Reconciler of cluster "test" started (pid ${pid}).\n`).length
    expect(spawned + outputs.filter((o) => o === `Reconciler of cluster "test" is already running (pid ${pid}).\n`).length).to.equal(5)
    const losers = await eventually('every loser to give up', () => {
      const lines = logLines().filter((l) => / pid \d+: reconciler \S+ holds the lease; exiting$/.test(l))
      return lines.length === spawned - 1 && lines
    })
    for (const l of losers) expect(l).to.match(new RegExp(` reconciler ${os.hostname()}_${pid} holds the lease; exiting$`))
    expect(logLines().filter((l) => l.includes(' started as '))).to.have.length(1)
    expect(pidAlive(pid)).to.equal(true)
  })

  it('stops on SIGTERM after the pass in progress, releasing the lease', async () => {
    await t.cluster()
    const p = spawn(process.execPath, [fixture('slow-reconciler.mjs'), path.join(repoRoot, 'dist'), 'test', '700'], {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    p.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    const exited = new Promise<number | null>((resolve) => p.on('exit', resolve))
    const {store, api} = t.open()
    await eventually('the lease', () => readReconcilerStatus(store).pid === p.pid)
    api.create(configMap('go'))
    await eventually('the slow pass to start', () => out.startsWith('pass started\n'))
    p.kill('SIGTERM')
    expect(await exited).to.equal(0)
    expect(api.peek('ConfigMap', 'default', 'done')).to.not.equal(undefined)
    expect(out.split('\n')[1]).to.equal('{"exitCode":0,"reason":"signal"}')
    expect(readReconcilerStatus(store)).to.deep.equal({alive: false, renewTime: readReconcilerStatus(store).renewTime})
    expect(logLines().slice(-2).map((l) => l.replace(/^\S+ /, ''))).to.deep.equal(['info SIGTERM received; stopping after the current pass', 'info stopped (signal)'])
  })

  it('is stopped by stopReconciler, which waits for the process to exit', async () => {
    await t.cluster()
    const {pid} = await ensureReconciler('test', {waitMs: 10_000})
    expect(await stopReconciler('test')).to.deep.equal({wasRunning: true, pid, killed: false})
    expect(pidAlive(pid!)).to.equal(false)
    expect(await stopReconciler('test')).to.deep.equal({wasRunning: false, killed: false})
    const {store} = t.open()
    expect(readReconcilerStatus(store).alive).to.equal(false)
  })

  it('exits by itself after the idle period with nothing pending, and starts again on demand', async () => {
    await t.cluster('test', {reconcilerIdleSeconds: 1})
    const {pid} = await ensureReconciler('test', {waitMs: 10_000})
    await eventually('the idle exit', () => !pidAlive(pid!), 30_000)
    expect(logLines().slice(-2).map((l) => l.replace(/^\S+ /, ''))).to.deep.equal(['info idle for 1s with nothing pending; exiting', 'info stopped (idle)'])
    const again = await ensureReconciler('test', {waitMs: 10_000})
    expect(again.started).to.equal(true)
    expect(again.pid).to.not.equal(pid)
  })

  it('carries on when work arrives just as it gives up its lease for idleness', async () => {
    await t.cluster()
    const seen: string[] = []
    const watcher = {
      name: 'watcher',
      watches: ['ConfigMap'],
      keys: () => [''],
      reconcile(ctx: ControllerContext) {
        for (const o of ctx.cache.list('ConfigMap')) if (o.metadata.name !== 'kube-root-ca.crt' && !seen.includes(o.metadata.name!)) seen.push(o.metadata.name!)
        return {}
      },
    }
    const done = runReconciler({cluster: 'test', controllers: [watcher], idleMs: 200})
    await eventually('the first idle exit to begin', () => logLines().some((l) => l.endsWith(' info idle for 0.2s with nothing pending; exiting')))
    t.open().api.create(configMap('late'))
    expect(await done).to.deep.equal({exitCode: 0, reason: 'idle'})
    expect(seen).to.deep.equal(['late'])
    expect(logLines().map((l) => l.replace(/^\S+ /, '')).slice(1)).to.deep.equal([
      'info idle for 0.2s with nothing pending; exiting',
      'info work arrived while stopping; carrying on',
      'info idle for 0.2s with nothing pending; exiting',
      'info stopped (idle)',
    ])
    expect(readReconcilerStatus(t.open().store).alive).to.equal(false)
  })

  it('is replaced by a new reconciler that takes over the lease after a SIGKILL', async () => {
    await t.cluster()
    const {pid} = await ensureReconciler('test', {waitMs: 10_000})
    process.kill(pid!, 'SIGKILL')
    await eventually('the process to die', () => !pidAlive(pid!))
    const next = await ensureReconciler('test', {waitMs: 10_000})
    expect(next.started).to.equal(true)
    expect(next.pid).to.not.equal(pid)
    expect(logLines().at(-1)).to.match(new RegExp(` info started as ${os.hostname()}_${next.pid} \\(took over from ${os.hostname()}_${pid}: process gone\\); `))
  })
})
