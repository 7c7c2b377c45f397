// The cluster store on SQLite: our etcd. Objects keyed by (kind, namespace, name), one global revision
// that only increases, compare-and-swap updates, and a change log a watcher can resume from. It is the
// Backend (backend.ts) the rest of ksim uses; opening lives in sqlite-open.ts, transactions in
// sqlite-writes.ts.
import type Database from 'better-sqlite3'

import type {Backend, Change, ChangePage, ChangeType, ChangesOptions, Key, ListFilter, ListResult, StoredValue, WriteFence} from './backend.js'
import {StoreError} from './errors.js'
import {guarded, openDatabase, openSnapshotDatabase, type StoreOptions} from './sqlite-open.js'
import {SqliteWrites} from './sqlite-writes.js'

export type {Change, ChangePage, ChangeType, ChangesOptions, Key, ListResult, StoredValue, WriteFence} from './backend.js'
export type {StoreOptions} from './sqlite-open.js'

interface Row {
  kind: string
  namespace: string
  name: string
  rev: number
  create_rev: number
  data: string
}

interface ChangeRow extends Row {
  type: ChangeType
}

function fromRow<T>(r: Row): StoredValue<T> {
  return {kind: r.kind, namespace: r.namespace, name: r.name, rev: r.rev, createRev: r.create_rev, value: JSON.parse(r.data) as T}
}

const COLUMNS = 'rev, type, kind, namespace, name, create_rev, data'

function prepare(db: Database.Database) {
  return {
    rev: db.prepare<[], {value: string}>(`SELECT value FROM meta WHERE key = 'revision'`),
    compacted: db.prepare<[], {value: string}>(`SELECT value FROM meta WHERE key = 'compacted'`),
    setMeta: db.prepare<[string, string]>(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
    get: db.prepare<[string, string, string], Row>(`SELECT * FROM objects WHERE kind = ? AND namespace = ? AND name = ?`),
    // whether a key is taken, without reading its document
    exists: db.prepare<[string, string, string], {found: number}>(`SELECT 1 AS found FROM objects WHERE kind = ? AND namespace = ? AND name = ?`),
    listAll: db.prepare<[string], Row>(`SELECT * FROM objects WHERE kind = ? ORDER BY namespace, name`),
    listNs: db.prepare<[string, string], Row>(`SELECT * FROM objects WHERE kind = ? AND namespace = ? ORDER BY name`),
    countKind: db.prepare<[string], {n: number}>(`SELECT count(*) AS n FROM objects WHERE kind = ?`),
    insert: db.prepare(`INSERT INTO objects(kind, namespace, name, rev, create_rev, data) VALUES (@kind, @namespace, @name, @rev, @rev, @data)`),
    update: db.prepare(`UPDATE objects SET rev = @rev, data = @data WHERE kind = @kind AND namespace = @namespace AND name = @name`),
    remove: db.prepare<[string, string, string]>(`DELETE FROM objects WHERE kind = ? AND namespace = ? AND name = ?`),
    log: db.prepare(`INSERT INTO changes(${COLUMNS}) VALUES (@rev, @type, @kind, @namespace, @name, @create_rev, @data)`),
    since: db.prepare<[number, number], ChangeRow>(`SELECT ${COLUMNS} FROM changes WHERE rev > ? ORDER BY rev LIMIT ?`),
    sinceKind: db.prepare<[number, string, number], ChangeRow>(`SELECT ${COLUMNS} FROM changes WHERE rev > ? AND kind = ? ORDER BY rev LIMIT ?`),
    compact: db.prepare<[number]>(`DELETE FROM changes WHERE rev <= ?`),
    totalChanges: db.prepare<[], {n: number}>(`SELECT total_changes() AS n`),
  }
}

export class Store implements Backend {
  readonly #stmts: ReturnType<typeof prepare>
  readonly #writes: SqliteWrites
  readonly #containing = new Map<string, Database.Statement<unknown[], Row>>()

  private constructor(
    readonly file: string,
    /** the connection, for the store's own tests; the rest of ksim uses the Backend methods */
    readonly db: Database.Database,
    busyMs: number,
    waitBudgetMs?: number,
  ) {
    const stmts = prepare(db)
    this.#stmts = stmts
    this.#writes = new SqliteWrites(db, file, busyMs, waitBudgetMs, {
      read: () => Number(stmts.rev.get()?.value ?? 0),
      write: (rev) => stmts.setMeta.run('revision', String(rev)),
    })
  }

  /**
   * Opens (creating if needed) the store in `file`. Errors name the file and never reset it: a file
   * that is newer, foreign or not SQLite is refused before anything is written to it.
   */
  static open(file: string, opts: StoreOptions = {}): Store {
    const {db, busyMs} = openDatabase(file, opts)
    return new Store(file, db, busyMs, opts.writeWaitBudgetMs)
  }

  /**
   * A read-only copy of the store in `file` as it is on disk, in memory: for a user who may read the file
   * but not write its folder. Writes fail as on any read-only database.
   */
  static openSnapshot(file: string): Store {
    return new Store(file, openSnapshotDatabase(file), 0)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  revision(): number {
    return this.#writes.pendingRevision() ?? this.guard(() => Number(this.#stmts.rev.get()?.value ?? 0))
  }

  compactedRevision(): number {
    return this.guard(() => Number(this.#stmts.compacted.get()?.value ?? 0))
  }

  /** SQLite's data_version: changes whenever another connection commits (not on this connection's own commits). */
  dataVersion(): number {
    return this.guard(() => Number(this.db.pragma('data_version', {simple: true})))
  }

  /** Rows this connection has written so far (SQLite's total_changes). */
  localWrites(): number {
    return this.guard(() => Number(this.#stmts.totalChanges.get()?.n ?? 0))
  }

  /** data_version and this connection's own write count: a cheap "did anything change?". */
  changeStamp(): string {
    return `${this.dataVersion()}:${this.localWrites()}`
  }

  get<T = unknown>(key: Key): StoredValue<T> | undefined {
    return this.guard(() => {
      const row = this.#stmts.get.get(key.kind, key.namespace, key.name)
      return row ? fromRow<T>(row) : undefined
    })
  }

  list<T = unknown>(kind: string, namespace?: string, filter?: ListFilter): ListResult<T> {
    return this.snapshot(() => {
      const contains = filter?.contains ?? []
      const rows =
        contains.length > 0
          ? this.containing(namespace !== undefined, contains.length).all(kind, ...(namespace === undefined ? [] : [namespace]), ...contains)
          : namespace === undefined
            ? this.#stmts.listAll.all(kind)
            : this.#stmts.listNs.all(kind, namespace)
      return {items: rows.map((r) => fromRow<T>(r)), revision: this.revision()}
    })
  }

  // a list whose documents must contain `n` strings: SQLite's instr() tests the stored text, so the
  // documents left out are never copied out of SQLite nor parsed
  private containing(inNamespace: boolean, n: number): Database.Statement<unknown[], Row> {
    const id = `${inNamespace}:${n}`
    let stmt = this.#containing.get(id)
    if (!stmt) {
      const where = ['kind = ?', ...(inNamespace ? ['namespace = ?'] : []), ...Array<string>(n).fill('instr(data, ?) > 0')].join(' AND ')
      stmt = this.db.prepare<unknown[], Row>(`SELECT * FROM objects WHERE ${where} ORDER BY namespace, name`)
      this.#containing.set(id, stmt)
    }
    return stmt
  }

  count(kind: string): number {
    return this.guard(() => this.#stmts.countKind.get(kind)?.n ?? 0)
  }

  create<T>(key: Key, build: (rev: number) => T): StoredValue<T> {
    return this.transaction(() => {
      if (this.#stmts.exists.get(key.kind, key.namespace, key.name)) {
        throw new StoreError('KeyExists', `${key.kind} ${key.namespace}/${key.name} already exists`)
      }
      const rev = this.#writes.bump()
      const value = build(rev)
      const data = JSON.stringify(value)
      this.#stmts.insert.run({...key, rev, data})
      this.#stmts.log.run({...key, rev, type: 'ADDED', create_rev: rev, data})
      return {...key, rev, createRev: rev, value}
    })
  }

  update<T>(key: Key, expectedRev: number, build: (rev: number, current: StoredValue<T>) => T): StoredValue<T> {
    return this.transaction(() => {
      const row = this.current(key, expectedRev)
      const rev = this.#writes.bump()
      // most builders ignore the current value: parse it only when asked
      const current = {kind: row.kind, namespace: row.namespace, name: row.name, rev: row.rev, createRev: row.create_rev, get value(): T { return JSON.parse(row.data) as T }}
      const value = build(rev, current)
      const data = JSON.stringify(value)
      this.#stmts.update.run({...key, rev, data})
      this.#stmts.log.run({...key, rev, type: 'MODIFIED', create_rev: row.create_rev, data})
      return {...key, rev, createRev: row.create_rev, value}
    })
  }

  delete<T>(key: Key, expectedRev?: number): StoredValue<T> {
    return this.transaction(() => {
      const row = this.current(key, expectedRev)
      const rev = this.#writes.bump()
      this.#stmts.remove.run(key.kind, key.namespace, key.name)
      this.#stmts.log.run({...key, rev, type: 'DELETED', create_rev: row.create_rev, data: row.data})
      return {...fromRow<T>(row), rev}
    })
  }

  // the stored row of `key`, at `expectedRev` when one is given
  private current(key: Key, expectedRev: number | undefined): Row {
    const row = this.#stmts.get.get(key.kind, key.namespace, key.name)
    if (!row) throw new StoreError('NotFound', `${key.kind} ${key.namespace}/${key.name} not found`)
    if (expectedRev !== undefined && row.rev !== expectedRev) {
      throw new StoreError('Conflict', `${key.kind} ${key.namespace}/${key.name} is at revision ${row.rev}, not ${expectedRev}`)
    }
    return row
  }

  /**
   * Changes after `revision`, oldest first, at most `limit` (some with a null value, as the options
   * ask). Throws Compacted when the log no longer holds every change after `revision`: the watcher
   * must list again.
   */
  changesSince<T = unknown>(revision: number, opts: ChangesOptions = {}): Change<T>[] {
    return this.snapshot(() => {
      const compacted = this.compactedRevision()
      if (revision < compacted) {
        throw new StoreError('Compacted', `revision ${revision} has been compacted (oldest available change is after ${compacted})`)
      }
      const limit = opts.limit ?? 10_000
      const rows = opts.kind === undefined ? this.#stmts.since.all(revision, limit) : this.#stmts.sinceKind.all(revision, opts.kind, limit)
      const kinds = opts.withoutValues
      const deleted = opts.withoutDeletedValues === true
      // a reader that only needs to know that something changed is spared parsing its document
      return rows.map((r) =>
        kinds?.has(r.kind) || (deleted && r.type === 'DELETED')
          ? {kind: r.kind, namespace: r.namespace, name: r.name, rev: r.rev, createRev: r.create_rev, value: null as T, type: r.type}
          : {...fromRow<T>(r), type: r.type},
      )
    })
  }

  changes<T = unknown>(after: number, opts: ChangesOptions = {}): ChangePage<T> {
    return this.snapshot(() => {
      const changes = this.changesSince<T>(after, opts)
      const more = changes.length >= (opts.limit ?? 10_000)
      return {changes, more, next: more ? changes[changes.length - 1]!.rev : Math.max(after, this.revision())}
    })
  }

  compact(revision: number): number {
    return this.transaction(() => {
      const upTo = Math.min(revision, this.revision())
      if (upTo <= this.compactedRevision()) return 0
      const removed = this.#stmts.compact.run(upTo).changes
      this.#stmts.setMeta.run('compacted', String(upTo))
      return removed
    })
  }

  checkpoint(mode: 'passive' | 'truncate' = 'passive'): void {
    this.guard(() => this.db.pragma(`wal_checkpoint(${mode.toUpperCase()})`))
  }

  transaction<R>(fn: () => R): R {
    return this.#writes.transaction(fn)
  }

  batch<R>(fn: () => R, maxMs?: number): R {
    return this.#writes.batch(fn, maxMs)
  }

  snapshot<R>(fn: () => R): R {
    return this.#writes.snapshot(fn)
  }

  setFence(fence: WriteFence | undefined): void {
    this.#writes.setFence(fence)
  }

  private guard<R>(fn: () => R): R {
    return guarded(this.file, fn)
  }
}
