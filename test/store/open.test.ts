import {expect} from 'chai'
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'

import {Store} from '../../src/store/sqlite-store.js'
import {SCHEMA_VERSION, migrate} from '../../src/store/schema.js'
import {fixture, storeError, useTempStores} from './temp-store.js'

const pod = (name: string) => ({kind: 'Pod', namespace: 'default', name})
const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8)

/** Writes a SQLite file by hand (rollback journal, as another program would) with the given SQL. */
function handMade(file: string, sql: string): Buffer {
  const db = new Database(file)
  db.exec(sql)
  db.close()
  return fs.readFileSync(file)
}

describe('Store.open', () => {
  const t = useTempStores()

  it('creates a new file with schema version 1, WAL, synchronous NORMAL and the default busy timeout', () => {
    const s = t.open()
    expect(SCHEMA_VERSION).to.equal(1)
    expect(s.file).to.equal(t.file())
    expect(s.db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).to.equal('1')
    expect(s.db.pragma('journal_mode', {simple: true})).to.equal('wal')
    expect(s.db.pragma('synchronous', {simple: true})).to.equal(1)
    expect(s.db.pragma('busy_timeout', {simple: true})).to.equal(10_000)
    expect(t.open('other.db', {busyTimeoutMs: 250}).db.pragma('busy_timeout', {simple: true})).to.equal(250)
  })

  it('gives a new file 16 KiB pages, keeps the page size of an existing file, and sizes the page cache as asked', () => {
    const s = t.open()
    expect(s.db.pragma('page_size', {simple: true})).to.equal(16_384)
    expect(s.db.pragma('cache_size', {simple: true})).to.equal(-16_000)
    const file = t.file('old.db')
    // a file made by an earlier ksim, with SQLite's default page size
    const old = new Database(file)
    old.pragma('page_size = 4096')
    migrate(old, false, file)
    old.close()
    const reopened = t.open('old.db', {cacheKiB: 4096})
    expect(reopened.db.pragma('page_size', {simple: true})).to.equal(4096)
    expect(reopened.db.pragma('cache_size', {simple: true})).to.equal(-4096)
  })

  it('creates missing state directories 0700 and the file 0600, and the WAL files SQLite adds 0600 too', () => {
    const file = path.join(t.dir, 'home', 'clusters', 'state.db')
    const s = Store.open(file)
    try {
      s.create(pod('a'), () => 1)
      expect([mode(path.join(t.dir, 'home')), mode(path.dirname(file)), mode(file)]).to.deep.equal(['700', '700', '600'])
      expect([mode(`${file}-wal`), mode(`${file}-shm`)]).to.deep.equal(['600', '600'])
    } finally {
      s.close()
    }
  })

  it('leaves the permissions of a state directory that already exists alone', () => {
    const dir = path.join(t.dir, 'shared')
    fs.mkdirSync(dir)
    fs.chmodSync(dir, 0o755)
    t.open(path.join('shared', 'state.db'))
    expect([mode(dir), mode(path.join(dir, 'state.db'))]).to.deep.equal(['755', '600'])
  })

  it('refuses a missing file with NotFound when readonly or mustExist, creating nothing', () => {
    const file = path.join(t.dir, 'nowhere', 'state.db')
    for (const opts of [{readonly: true}, {mustExist: true}]) {
      const error = storeError('NotFound', () => Store.open(file, opts))
      expect(error.message).to.equal(`state file ${file} does not exist`)
      expect(error.file).to.equal(file)
    }
    expect(fs.existsSync(path.dirname(file))).to.equal(false)
  })

  it('opens an existing file with mustExist, and readonly for reading only', () => {
    const s = t.open()
    s.create(pod('a'), () => 'v')
    s.close()
    expect(t.open('state.db', {mustExist: true}).get(pod('a'))?.value).to.equal('v')
    const ro = t.open('state.db', {readonly: true})
    expect(ro.list('Pod').items.map((i) => i.value)).to.deep.equal(['v'])
    const error = storeError('Unreadable', () => ro.create(pod('b'), () => 1))
    expect(error.message).to.equal(`cannot use state file ${t.file()} (attempt to write a readonly database)`)
    expect(ro.revision()).to.equal(1)
  })

  it('refuses an empty, never initialised file readonly with NotFound and initialises it otherwise', () => {
    const file = t.file()
    fs.writeFileSync(file, '')
    expect(storeError('NotFound', () => Store.open(file, {readonly: true})).message).to.equal(`state file ${file} has not been initialised`)
    expect(fs.statSync(file).size).to.equal(0)
    expect(t.open().create(pod('a'), () => 1).rev).to.equal(1)
  })

  it('refuses a file of a newer schema with NewerSchema naming the file and both versions, leaving its bytes as they were', () => {
    const file = t.file()
    const before = handMade(file, `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO meta VALUES ('schema_version', '2'), ('revision', '7');
      CREATE TABLE objects_v2 (id INTEGER PRIMARY KEY, doc BLOB);`)
    for (const opts of [{}, {readonly: true}, {mustExist: true}]) {
      const error = storeError('NewerSchema', () => Store.open(file, opts))
      expect(error.message).to.equal(
        `state file ${file} was written by a newer ksim (schema version 2; this ksim understands up to 1); upgrade ksim to use it`,
      )
      expect(error.file).to.equal(file)
      expect(fs.readFileSync(file).equals(before)).to.equal(true)
    }
    expect(fs.readdirSync(t.dir)).to.deep.equal(['state.db'])
  })

  it('refuses a WAL-mode ksim file whose schema version was raised, leaving its bytes as they were', () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    s.db.prepare(`UPDATE meta SET value = '3' WHERE key = 'schema_version'`).run()
    s.close()
    const before = fs.readFileSync(t.file())
    expect(storeError('NewerSchema', () => Store.open(t.file())).message).to.contain('(schema version 3; this ksim understands up to 1)')
    expect(fs.readFileSync(t.file()).equals(before)).to.equal(true)
  })

  it('refuses a file that is not SQLite with Corrupt naming the file, and does not overwrite it', () => {
    for (const [name, text] of [
      ['short.db', 'hello, not a database\n'],
      ['long.db', 'apiVersion: v1\nkind: Config\n'.repeat(400)],
    ]) {
      const file = t.file(name)
      fs.writeFileSync(file, text)
      for (const opts of [{}, {readonly: true}]) {
        const error = storeError('Corrupt', () => Store.open(file, opts))
        expect(error.message).to.equal(`state file ${file} is corrupt or not a ksim state file (file is not a database)`)
        expect(error.file).to.equal(file)
        expect(fs.readFileSync(file, 'utf8')).to.equal(text)
      }
    }
    expect(fs.readdirSync(t.dir).sort()).to.deep.equal(['long.db', 'short.db'])
  })

  it('refuses a SQLite file that is not a ksim state file with Corrupt, adding nothing to it', () => {
    const file = t.file()
    const before = handMade(file, `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('mine');`)
    for (const opts of [{}, {readonly: true}]) {
      const error = storeError('Corrupt', () => Store.open(file, opts))
      expect(error.message).to.equal(`state file ${file} is not a ksim state file (it holds tables notes and no schema version)`)
      expect(fs.readFileSync(file).equals(before)).to.equal(true)
    }
  })

  it('refuses a ksim-shaped file whose schema version is not a number with Corrupt', () => {
    const file = t.file()
    handMade(file, `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID; INSERT INTO meta VALUES ('schema_version', 'one');`)
    expect(storeError('Corrupt', () => Store.open(file)).message).to.equal(`state file ${file} is not a ksim state file (it holds schema version "one")`)
  })

  it('reports a file it may not read as Unreadable', function () {
    if (process.getuid?.() === 0) this.skip() // root reads anything
    const file = t.file()
    t.open().close()
    fs.chmodSync(file, 0o000)
    const error = storeError('Unreadable', () => Store.open(file))
    expect(error.message).to.match(new RegExp(`^cannot use state file ${file} \\(`))
  })
})

describe('Store.open against another process', () => {
  const t = useTempStores()
  let child: ChildProcess | undefined

  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.stdin?.end()
      await exited
    }
    child = undefined
  })

  /** Starts a process holding BEGIN IMMEDIATE on `file`; resolves once it holds it. */
  async function holdLock(file: string): Promise<ChildProcess> {
    const proc = spawn(process.execPath, [fixture('hold-lock.mjs'), file], {stdio: ['pipe', 'pipe', 'inherit']})
    child = proc
    await new Promise<void>((resolve, reject) => {
      let out = ''
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('locked\n')) resolve()
      })
      proc.once('exit', (code) => reject(new Error(`lock holder exited with ${code} before locking`)))
    })
    return proc
  }

  it('reports Locked naming the file when another process holds a write transaction past the busy timeout', async () => {
    const s = t.open('state.db', {busyTimeoutMs: 50})
    s.create(pod('a'), () => 1)
    await holdLock(t.file())
    const error = storeError('Locked', () => s.create(pod('b'), () => 1))
    // the holder is named from /proc/locks (Linux); elsewhere it stays "another process"
    const who = process.platform === 'linux' ? `pid ${child!.pid} (hold-lock.mjs ${t.file()})` : 'another process'
    expect(error.message).to.equal(`state file ${t.file()} is locked by ${who}; gave up waiting after 0.1s`)
    expect(error.file).to.equal(t.file())
    // readers are not blocked by the writer
    expect(s.get(pod('a'))?.value).to.equal(1)
    const late = t.open('state.db', {busyTimeoutMs: 50})
    expect(late.revision()).to.equal(1)
    storeError('Locked', () => late.transaction(() => late.delete(pod('a'))))
  })

  it('spends one wait budget over all writes: after the first gives up, the others fail at once, naming a stopped holder', async function () {
    if (process.platform !== 'linux') this.skip() // naming the holder and SIGSTOP need Linux
    const s = t.open('state.db', {busyTimeoutMs: 300, writeWaitBudgetMs: 300})
    s.create(pod('a'), () => 1)
    const proc = await holdLock(t.file())
    process.kill(proc.pid!, 'SIGSTOP')
    try {
      const started = performance.now()
      const first = storeError('Locked', () => s.create(pod('b'), () => 1))
      const firstMs = performance.now() - started
      const rest: number[] = []
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now()
        storeError('Locked', () => s.create(pod(`c${i}`), () => 1))
        rest.push(performance.now() - t0)
      }
      expect(firstMs).to.be.within(250, 2000)
      expect(Math.max(...rest)).to.be.below(100)
      expect(first.message).to.contain(`is locked by pid ${proc.pid} (hold-lock.mjs ${t.file()}), which is stopped (SIGSTOP/Ctrl-Z)`)
    } finally {
      process.kill(proc.pid!, 'SIGCONT')
    }
    // once it lets go, writing works again and nothing was half-written
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.stdin!.end()
    await exited
    expect(s.list('Pod').items.map((i) => i.name)).to.deep.equal(['a'])
  })

  it('writes again once the other process lets go', async () => {
    const s = t.open('state.db', {busyTimeoutMs: 50})
    s.create(pod('a'), () => 1)
    const proc = await holdLock(t.file())
    storeError('Locked', () => s.update(pod('a'), 1, () => 2))
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.stdin!.end()
    await exited
    expect(s.update(pod('a'), 1, () => 2).rev).to.equal(2)
  })
})
