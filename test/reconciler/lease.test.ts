import {expect} from 'chai'
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {microTime} from '../../src/api/kinds/lease.js'
import {LEASE_NAME, LEASE_NAMESPACE, ReconcilerLease, holderIdentity, parseHolder, pidAlive, readReconcilerStatus} from '../../src/reconciler/lease.js'
import {eventually, fixture, repoRoot, useTempHome} from './helpers.js'

interface Racer {
  proc: ChildProcess
  ready: Promise<void>
  result: Promise<{pid: number; acquired: boolean; holder: string}>
  exited: Promise<void>
}

// a lease-racer process; its promises fail (rather than hang) if it dies before getting there
function startRacer(file: string): Racer {
  const proc = spawn(process.execPath, [fixture('lease-racer.mjs'), path.join(repoRoot, 'dist'), file], {stdio: ['pipe', 'pipe', 'pipe']})
  let out = ''
  let err = ''
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const died = exited.then(() => {
    throw new Error(`lease racer ${proc.pid} exited early: ${err || out}`)
  })
  const line = (n: number) =>
    Promise.race([
      new Promise<string>((resolve) => {
        // registered after the accumulating listener, so `out` already holds the chunk
        proc.stdout!.on('data', () => out.split('\n').length > n + 1 && resolve(out.split('\n')[n]))
      }),
      died,
    ])
  return {proc, ready: line(0).then(() => undefined), result: line(1).then((l) => JSON.parse(l)), exited}
}

// a pid that certainly belongs to no process: one that has just exited (and been reaped)
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

describe('reconciler lease', () => {
  const t = useTempHome()
  const at = (s: number) => new Date(Date.UTC(2026, 0, 2, 3, 4, s))

  it('names its holder <hostname>_<pid> and parses that form back', () => {
    expect(holderIdentity('box_1', 42)).to.equal('box_1_42')
    expect(parseHolder('box_1_42')).to.deep.equal({host: 'box_1', pid: 42})
    expect(parseHolder('someone-else')).to.equal(undefined)
    expect(parseHolder(undefined)).to.equal(undefined)
  })

  it('creates the lease in kube-system with microsecond times when nobody holds it', async () => {
    await t.cluster()
    const {api, store} = t.open()
    const lease = new ReconcilerLease(api, holderIdentity())
    expect(lease.acquire(at(5))).to.deep.equal({acquired: true, reason: 'free'})
    const obj = api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!
    expect(obj.apiVersion).to.equal('coordination.k8s.io/v1')
    expect(obj.spec).to.deep.equal({
      holderIdentity: holderIdentity(),
      leaseDurationSeconds: 5,
      acquireTime: '2026-01-02T03:04:05.000000Z',
      renewTime: '2026-01-02T03:04:05.000000Z',
      leaseTransitions: 0,
    })
    expect(readReconcilerStatus(store, at(6))).to.deep.equal({
      holder: holderIdentity(),
      pid: process.pid,
      host: os.hostname(),
      acquireTime: '2026-01-02T03:04:05.000000Z',
      renewTime: '2026-01-02T03:04:05.000000Z',
      leaseDurationSeconds: 5,
      renewAgeMs: 1000,
      alive: true,
    })
  })

  it('refuses a lease whose holder is alive and renewing, and renews only for its holder', async () => {
    await t.cluster()
    const {api} = t.open()
    const holder = new ReconcilerLease(api, holderIdentity())
    holder.acquire(at(0))
    const other = new ReconcilerLease(api, holderIdentity(os.hostname(), deadPid()))
    expect(other.acquire(at(3))).to.deep.equal({acquired: false, holder: holderIdentity()})
    expect(other.renew(at(3))).to.equal(false)
    expect(holder.renew(at(4))).to.equal(true)
    expect((api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!.spec as {renewTime: string}).renewTime).to.equal('2026-01-02T03:04:04.000000Z')
  })

  it('takes over at once from a holder on this host whose process is gone', async () => {
    await t.cluster()
    const {api, store} = t.open()
    const gone = holderIdentity(os.hostname(), deadPid())
    new ReconcilerLease(api, gone).acquire(at(0))
    expect(readReconcilerStatus(store, at(1)).alive).to.equal(false)
    const next = new ReconcilerLease(api, holderIdentity())
    expect(next.acquire(at(1))).to.deep.equal({acquired: true, previous: gone, reason: 'dead'})
    const spec = api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!.spec as {leaseTransitions: number; acquireTime: string}
    expect(spec).to.include({leaseTransitions: 1, acquireTime: '2026-01-02T03:04:01.000000Z'})
  })

  it('takes over from a live holder only once its renewTime is older than the lease duration', async () => {
    await t.cluster()
    const {api} = t.open()
    // a holder on another host: its pid cannot be checked, only its renewals
    const remote = new ReconcilerLease(api, 'elsewhere_1')
    remote.acquire(at(0))
    const next = new ReconcilerLease(api, holderIdentity())
    expect(next.acquire(at(5))).to.deep.equal({acquired: false, holder: 'elsewhere_1'})
    expect(next.acquire(at(6))).to.deep.equal({acquired: true, previous: 'elsewhere_1', reason: 'expired'})
    expect(remote.renew(at(6))).to.equal(false)
  })

  it('clears holderIdentity on release, after which anyone acquires it without waiting', async () => {
    await t.cluster()
    const {api, store} = t.open()
    const first = new ReconcilerLease(api, 'elsewhere_1')
    first.acquire(at(0))
    first.release(at(1))
    const spec = api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!.spec as Record<string, unknown>
    expect(spec.holderIdentity).to.equal(undefined)
    expect(readReconcilerStatus(store, at(1))).to.deep.equal({alive: false, renewTime: '2026-01-02T03:04:01.000000Z'})
    expect(new ReconcilerLease(api, 'elsewhere_2').acquire(at(2))).to.deep.equal({acquired: true, reason: 'free'})
  })

  it('recreates its lease when someone deleted it while it was held', async () => {
    await t.cluster()
    const {api} = t.open()
    const lease = new ReconcilerLease(api, holderIdentity())
    lease.acquire(at(0))
    api.delete(api.typeOf({apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {}}), LEASE_NAMESPACE, LEASE_NAME)
    expect(lease.renew(at(1))).to.equal(true)
    expect((api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!.spec as {holderIdentity: string}).holderIdentity).to.equal(holderIdentity())
  })

  it('reports live and dead pids', () => {
    expect(pidAlive(process.pid)).to.equal(true)
    expect(pidAlive(deadPid())).to.equal(false)
    expect(microTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 123)))).to.equal('2026-01-02T03:04:05.123000Z')
  })

  it('counts an exited process its parent has not reaped (a zombie) as dead', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip()
    // the shell's background child exits, and the `sleep` the shell became never waits for it
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], {stdio: ['ignore', 'pipe', 'ignore']})
    const zombie = await new Promise<number>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))))
    try {
      await eventually('the child to exit', () => !pidAlive(zombie))
      expect(fs.readFileSync(`/proc/${zombie}/stat`, 'utf8')).to.match(/^\d+ \(sleep\) Z /)
    } finally {
      parent.kill('SIGKILL')
    }
  })

  it('lets exactly one of several processes racing for the lease win it, free or left by a dead holder', async function () {
    this.timeout(60_000)
    const file = await t.cluster()
    for (let round = 0; round < 3; round++) {
      const racers = Array.from({length: 6}, () => startRacer(file))
      try {
        await Promise.all(racers.map((r) => r.ready))
        for (const r of racers) r.proc.stdin!.write('go\n')
        const outcome = await Promise.all(racers.map((r) => r.result))
        const winners = outcome.filter((o) => o.acquired)
        expect(winners, JSON.stringify(outcome)).to.have.length(1)
        const winner = holderIdentity(os.hostname(), winners[0].pid)
        expect(outcome.map((o) => o.holder)).to.deep.equal(outcome.map(() => winner))
        // ending stdin ends each racer: the next round races for a lease whose holder is gone
        for (const r of racers) r.proc.stdin!.end()
        await Promise.all(racers.map((r) => r.exited))
      } finally {
        for (const r of racers) if (r.proc.exitCode === null) r.proc.kill('SIGKILL')
      }
    }
  })
})

describe('reconciler lease on the monotonic clock', () => {
  const t = useTempHome()
  const at = (s: number) => new Date(Date.UTC(2026, 0, 2, 3, 4, s))

  it('a live holder on this host keeps its lease across a forward wall-clock step; it expires only on the monotonic clock', async function () {
    if (!fs.existsSync('/proc/sys/kernel/random/boot_id')) this.skip() // no boot id: expiry stays on the wall clock
    await t.cluster()
    const {api} = t.open()
    let mono = 1_000_000
    // a live local process (this one's parent) holds the lease; we are another process on the same host
    const holder = new ReconcilerLease(api, holderIdentity(os.hostname(), process.ppid), 5, () => mono)
    expect(holder.acquire(at(0)).acquired).to.equal(true)
    const next = new ReconcilerLease(api, holderIdentity(), 5, () => mono)
    // the wall clock jumps an hour ahead (a laptop waking up): the lease looks 3600 s old, but is not
    expect(next.acquire(new Date(at(0).getTime() + 3_600_000))).to.deep.equal({acquired: false, holder: holderIdentity(os.hostname(), process.ppid)})
    mono += 5001
    expect(next.acquire(new Date(at(0).getTime() + 3_600_000))).to.deep.include({acquired: true, reason: 'expired'})
  })

  it('fences a write once the lease was taken over: the write fails inside its transaction and nothing lands', async () => {
    await t.cluster()
    const {api, store} = t.open()
    const mine = new ReconcilerLease(api, 'elsewhere_1', 5, () => 0)
    expect(mine.acquire(at(0)).acquired).to.equal(true)
    store.setFence(() => mine.fence(2000))
    api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'before', namespace: 'default'}})
    // taken over once expired (the holder is on another host: wall clock)
    store.setFence(undefined)
    expect(new ReconcilerLease(api, 'elsewhere_2').acquire(at(10)).acquired).to.equal(true)
    store.setFence(() => mine.fence(2000))
    const rev = store.revision()
    expect(() => api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'after', namespace: 'default'}})).to.throw('lost the lease: elsewhere_2 holds it now')
    expect(store.revision()).to.equal(rev)
    expect(api.peek('ConfigMap', 'default', 'after')).to.equal(undefined)
    store.setFence(undefined)
  })
})
