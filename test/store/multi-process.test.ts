import {expect} from 'chai'
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'

import type {Change} from '../../src/store/sqlite-store.js'
import {compiledStore, fixture, useTempStores} from './temp-store.js'

const WORKERS = 4
const OBJECTS = 60
const COUNTERS = 3

interface Write {
  rev: number
  type: string
  kind: string
  namespace: string
  name: string
}

interface Report {
  id: number
  writes: Write[]
  conflicts: number
}

interface Worker {
  proc: ChildProcess
  ready: Promise<void>
  report: Promise<Report>
}

function startWorker(file: string, id: number): Worker {
  const proc = spawn(process.execPath, [fixture('store-worker.mjs'), compiledStore, file, String(id), String(OBJECTS), String(COUNTERS)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  proc.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.startsWith('ready\n')) markReady()
  })
  const report = new Promise<Report>((resolve, reject) => {
    proc.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Report)
      else reject(new Error(`worker ${id} exited with ${code}: ${err || out}`))
    })
  })
  // a worker that dies before it is ready must not hang the test
  report.catch(() => markReady())
  return {proc, ready, report}
}

const key = (w: {rev: number; type: string; kind: string; namespace: string; name: string}) => `${w.rev} ${w.type} ${w.kind} ${w.namespace}/${w.name}`

describe('Store shared by several processes', function () {
  this.timeout(30_000)
  const t = useTempStores()
  let workers: Worker[] = []

  afterEach(() => {
    for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill()
    workers = []
  })

  it('loses no write: every object accounted for, counters exact, one log entry per write, revisions 1..n without gaps', async () => {
    const file = t.file()
    expect(fs.existsSync(compiledStore), compiledStore).to.equal(true)
    workers = Array.from({length: WORKERS}, (_, id) => startWorker(file, id))
    await Promise.all(workers.map((w) => w.ready))
    // all loaded: let them open the (not yet existing) file and write at the same moment
    for (const w of workers) w.proc.stdin!.write('go\n')
    const reports = await Promise.all(workers.map((w) => w.report))

    const s = t.open()
    const writes = reports.flatMap((r) => r.writes).sort((a, b) => a.rev - b.rev)
    const revision = s.revision()

    // revisions: exactly 1..revision, each taken by one successful write
    expect(writes.map((w) => w.rev)).to.deep.equal(Array.from({length: revision}, (_, i) => i + 1))

    // change log: exactly one entry per successful write, the same write at the same revision
    const log: Change[] = s.changesSince(0, {limit: 1_000_000})
    expect(log.map(key)).to.deep.equal(writes.map(key))

    // counters: created once between them, and no increment lost
    expect(writes.filter((w) => w.kind === 'Counter' && w.type === 'ADDED')).to.have.length(COUNTERS)
    const counters = s.list<{n: number}>('Counter', 'shared').items
    expect(counters.map((c) => [c.name, c.value.n])).to.deep.equal(
      Array.from({length: COUNTERS}, (_, c) => [`c${c}`, WORKERS * Array.from({length: OBJECTS}, (_, i) => i).filter((i) => i % COUNTERS === c).length]),
    )
    const increments = writes.filter((w) => w.kind === 'Counter' && w.type === 'MODIFIED').length
    expect(counters.reduce((sum, c) => sum + c.value.n, 0)).to.equal(increments)
    expect(increments).to.equal(WORKERS * OBJECTS)

    // objects: each worker's survivors exactly, with the value it wrote
    for (let id = 0; id < WORKERS; id++) {
      const expected = Array.from({length: OBJECTS}, (_, i) => i).filter((i) => !(i % 3 === 1 && i + 1 < OBJECTS))
      const listed = s.list<{worker: number; i: number; rev: number}>('Widget', `w${id}`).items
      expect(listed.map((o) => o.name)).to.deep.equal(expected.map((i) => `obj-${i}`).sort())
      for (const o of listed) expect([o.value.worker, `obj-${o.value.i}`, o.value.rev]).to.deep.equal([id, o.name, o.createRev])
    }
    expect(s.count('Widget')).to.equal(WORKERS * (OBJECTS - Math.floor(OBJECTS / 3)))

    expect(s.db.pragma('integrity_check', {simple: true})).to.equal('ok')
    expect(s.db.pragma('journal_mode', {simple: true})).to.equal('wal')
  })
})
