// The cluster store: our etcd. Objects keyed by (kind, namespace, name), one global revision that
// only increases, compare-and-swap updates, and a change log a watcher can resume from.
// It stores opaque JSON documents and knows nothing of what they mean.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

import {StoreError, isStoreError, translateSqliteError} from './errors.js'
import {describeHolder, findWriteLockHolder} from './lock-holder.js'
import {SCHEMA_VERSION, migrate, readSchemaVersion, useWal} from './schema.js'

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface Key {
  kind: string
  namespace: string
  name: string
}

export interface StoredValue<T = unknown> extends Key {
  /** revision of the last write to this key */
  rev: number
  /** revision at which the key was created */
  createRev: number
  value: T
}

export interface Change<T = unknown> extends StoredValue<T> {
  type: ChangeType
}

/** What changesSince reads. */
export interface ChangesOptions {
  /** only changes of this kind */
  kind?: string
  /** at most this many; default 10,000 */
  limit?: number
  /** changes of these kinds come with a null value */
  withoutValues?: ReadonlySet<string>
  /** deletions come with a null value (not the last stored one) */
  withoutDeletedValues?: boolean
}

export interface ListResult<T = unknown> {
  items: StoredValue<T>[]
  /** the store revision the list was read at */
  revision: number
}

export interface StoreOptions {
  /** milliseconds to wait for another process's write lock; default 10 s */
  busyTimeoutMs?: number
  /** open read-only: never create the file, never write */
  readonly?: boolean
  /** fail instead of creating a missing file */
  mustExist?: boolean
  /** the most SQLite keeps of the file in memory, KiB; default better-sqlite3's 16 MiB */
  cacheKiB?: number
  /**
   * the most this connection waits for other writers in all, over every write it makes (a command's
   * budget, not each object's): once a write has given up, the next ones try once and fail at once
   */
  writeWaitBudgetMs?: number
}

/**
 * A condition a write transaction must meet, checked inside it (after its writes, before it commits):
 * throwing undoes the whole transaction. The store does not know what it checks (a lease, say).
 */
export type WriteFence = () => void

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

/** The page size of new state files. */
const PAGE_SIZE = 16_384

function fromRow<T>(r: Row): StoredValue<T> {
  return {kind: r.kind, namespace: r.namespace, name: r.name, rev: r.rev, createRev: r.create_rev, value: JSON.parse(r.data) as T}
}

export class Store {
  readonly file: string
  readonly db: Database.Database
  #stmts: ReturnType<Store['prepare']>
  // the open batch(): when its shared transaction was opened, and how deep in transaction() we are
  #batch?: {maxMs: number; openedAt: number; depth: number}
  // one better-sqlite3 transaction function for every call: building one per call costs more than the write
  readonly #tx: Database.Transaction<(fn: () => unknown) => unknown>
  // the revision of the last write of the open write transaction: kept here and written to meta once,
  // just before the transaction commits, rather than read and written at every write
  #pendingRev?: number
  // what is left of writeWaitBudgetMs, and the busy timeout SQLite has now
  #waitBudgetMs?: number
  #busyMs: number
  #fence?: WriteFence

  private constructor(file: string, db: Database.Database, busyMs: number, waitBudgetMs?: number) {
    this.file = file
    this.db = db
    this.#busyMs = busyMs
    this.#waitBudgetMs = waitBudgetMs
    this.#stmts = this.prepare()
    this.#tx = db.transaction((fn: () => unknown) => fn())
  }

  /**
   * Opens (creating if needed) the store in `file`. Errors name the file and never reset it: a file
   * that is newer, foreign or not SQLite is refused before anything is written to it.
   */
  static open(file: string, opts: StoreOptions = {}): Store {
    // a link at the state file could point anywhere: SQLite would follow it, so it is refused here
    const exists = fs.existsSync(file)
    if (fs.lstatSync(file, {throwIfNoEntry: false})?.isSymbolicLink()) {
      throw new StoreError('Unreadable', `refusing to use state file ${file}: it is a symbolic link`, file)
    }
    if (!exists && (opts.readonly || opts.mustExist)) {
      throw new StoreError('NotFound', `state file ${file} does not exist`, file)
    }
    if (!exists) {
      fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700})
      // create it empty with owner-only permissions before SQLite touches it
      // O_EXCL: never through a dangling link; a file another process created meanwhile is fine
      const {O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY} = fs.constants
      try {
        fs.closeSync(fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.lstatSync(file).isFile()) {
          throw new StoreError('Unreadable', `refusing to use state file ${file}: ${(error as Error).message}`, file)
        }
      }
    }
    let db: Database.Database
    try {
      db = new Database(file, {readonly: Boolean(opts.readonly), fileMustExist: true})
    } catch (error) {
      throw translateSqliteError(error, file)
    }
    try {
      const busyTimeoutMs = opts.busyTimeoutMs ?? 10_000
      db.pragma(`busy_timeout = ${busyTimeoutMs}`)
      // read the version before any write (switching to WAL rewrites the header)
      const version = readSchemaVersion(db, file)
      if (version !== undefined && version > SCHEMA_VERSION) {
        throw new StoreError(
          'NewerSchema',
          `state file ${file} was written by a newer ksim (schema version ${version}; this ksim understands up to ${SCHEMA_VERSION}); upgrade ksim to use it`,
          file,
        )
      }
      if (version === undefined && opts.readonly) {
        throw new StoreError('NotFound', `state file ${file} has not been initialised`, file)
      }
      if (!opts.readonly) {
        // a new file gets 16 KiB pages: a pod (2-3 KB of JSON) then fits in one page with no overflow
        // page, which makes each write and read about twice as cheap; it only takes effect before
        // the file's first write, so an existing file keeps its size
        if (version === undefined) db.pragma(`page_size = ${PAGE_SIZE}`)
        useWal(db, busyTimeoutMs)
        db.pragma('synchronous = NORMAL')
        if (opts.cacheKiB !== undefined) db.pragma(`cache_size = -${Math.max(0, Math.floor(opts.cacheKiB))}`)
        if (version === undefined) migrate(db, false, file)
      }
      return new Store(file, db, busyTimeoutMs, opts.writeWaitBudgetMs)
    } catch (error) {
      db.close()
      throw translateSqliteError(error, file)
    }
  }

  /**
   * A read-only copy of the store in `file` as it is on disk, in memory: for a user who may read the file
   * but not write its folder, where SQLite cannot make the shared-memory file a WAL database needs. Writes
   * fail as on any read-only database.
   */
  static openSnapshot(file: string): Store {
    let bytes: Buffer
    try {
      const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
      try {
        bytes = fs.readFileSync(fd)
      } finally {
        fs.closeSync(fd)
      }
    } catch (error) {
      throw new StoreError('Unreadable', `cannot use state file ${file} (${(error as Error).message})`, file)
    }
    // a WAL database's header (read/write versions 2) becomes a rollback one: memory has no WAL
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1
    let db: Database.Database
    try {
      db = new Database(bytes, {readonly: true})
    } catch (error) {
      throw translateSqliteError(error, file)
    }
    try {
      const version = readSchemaVersion(db, file)
      if (version === undefined) throw new StoreError('NotFound', `state file ${file} has not been initialised`, file)
      if (version > SCHEMA_VERSION) throw new StoreError('NewerSchema', `state file ${file} was written by a newer ksim (schema version ${version}; this ksim understands up to ${SCHEMA_VERSION}); upgrade ksim to use it`, file)
      return new Store(file, db, 0)
    } catch (error) {
      db.close()
      throw translateSqliteError(error, file)
    }
  }

  private prepare() {
    const db = this.db
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
      log: db.prepare(`INSERT INTO changes(rev, type, kind, namespace, name, create_rev, data) VALUES (@rev, @type, @kind, @namespace, @name, @create_rev, @data)`),
      since: db.prepare<[number, number], ChangeRow>(`SELECT rev, type, kind, namespace, name, create_rev, data FROM changes WHERE rev > ? ORDER BY rev LIMIT ?`),
      sinceKind: db.prepare<[number, string, number], ChangeRow>(
        `SELECT rev, type, kind, namespace, name, create_rev, data FROM changes WHERE rev > ? AND kind = ? ORDER BY rev LIMIT ?`,
      ),
      compact: db.prepare<[number]>(`DELETE FROM changes WHERE rev <= ?`),
      totalChanges: db.prepare<[], {n: number}>(`SELECT total_changes() AS n`),
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  /** The newest revision written to the store. */
  revision(): number {
    if (this.#pendingRev !== undefined && this.db.inTransaction) return this.#pendingRev
    return this.guard(() => Number(this.#stmts.rev.get()?.value ?? 0))
  }

  /** The newest revision removed from the change log by compaction (0 if none). */
  compactedRevision(): number {
    return this.guard(() => Number(this.#stmts.compacted.get()?.value ?? 0))
  }

  /**
   * SQLite's data_version: changes whenever another connection commits (not on this connection's own
   * commits; see localWrites). Cheap to poll.
   */
  dataVersion(): number {
    return this.guard(() => Number(this.db.pragma('data_version', {simple: true})))
  }

  /** Rows this connection has written so far (SQLite's total_changes): with dataVersion, a cheap "did anything change?". */
  localWrites(): number {
    return this.guard(() => Number(this.#stmts.totalChanges.get()?.n ?? 0))
  }

  get<T = unknown>(key: Key): StoredValue<T> | undefined {
    return this.guard(() => {
      const row = this.#stmts.get.get(key.kind, key.namespace, key.name)
      return row ? fromRow<T>(row) : undefined
    })
  }

  /** Lists a kind, in one namespace or all (namespace undefined), sorted by namespace then name. */
  list<T = unknown>(kind: string, namespace?: string): ListResult<T> {
    return this.guard(() =>
      this.db.transaction(() => {
        const rows = namespace === undefined ? this.#stmts.listAll.all(kind) : this.#stmts.listNs.all(kind, namespace)
        return {items: rows.map((r) => fromRow<T>(r)), revision: this.revision()}
      })(),
    )
  }

  count(kind: string): number {
    return this.guard(() => this.#stmts.countKind.get(kind)?.n ?? 0)
  }

  /**
   * Creates `key` if absent. `build` receives the new revision and returns the value to store.
   * Throws KeyExists when the key is taken.
   */
  create<T>(key: Key, build: (rev: number) => T): StoredValue<T> {
    return this.transaction(() => {
      if (this.#stmts.exists.get(key.kind, key.namespace, key.name)) {
        throw new StoreError('KeyExists', `${key.kind} ${key.namespace}/${key.name} already exists`)
      }
      const rev = this.bump()
      const value = build(rev)
      const data = JSON.stringify(value)
      this.#stmts.insert.run({...key, rev, data})
      this.#stmts.log.run({...key, rev, type: 'ADDED', create_rev: rev, data})
      return {...key, rev, createRev: rev, value}
    })
  }

  /**
   * Compare-and-swap: replaces `key` only if its current revision is `expectedRev`.
   * Throws NotFound if absent and Conflict if the revision moved on.
   */
  update<T>(key: Key, expectedRev: number, build: (rev: number, current: StoredValue<T>) => T): StoredValue<T> {
    return this.transaction(() => {
      const row = this.#stmts.get.get(key.kind, key.namespace, key.name)
      if (!row) throw new StoreError('NotFound', `${key.kind} ${key.namespace}/${key.name} not found`)
      if (row.rev !== expectedRev) {
        throw new StoreError('Conflict', `${key.kind} ${key.namespace}/${key.name} is at revision ${row.rev}, not ${expectedRev}`)
      }
      const rev = this.bump()
      // most builders ignore the current value: parse it only when asked
      const current = {kind: row.kind, namespace: row.namespace, name: row.name, rev: row.rev, createRev: row.create_rev, get value(): T { return JSON.parse(row.data) as T }}
      const value = build(rev, current)
      const data = JSON.stringify(value)
      this.#stmts.update.run({...key, rev, data})
      this.#stmts.log.run({...key, rev, type: 'MODIFIED', create_rev: row.create_rev, data})
      return {...key, rev, createRev: row.create_rev, value}
    })
  }

  /** Deletes `key`; with `expectedRev`, only if unchanged since. Returns the last stored value. */
  delete<T>(key: Key, expectedRev?: number): StoredValue<T> {
    return this.transaction(() => {
      const row = this.#stmts.get.get(key.kind, key.namespace, key.name)
      if (!row) throw new StoreError('NotFound', `${key.kind} ${key.namespace}/${key.name} not found`)
      if (expectedRev !== undefined && row.rev !== expectedRev) {
        throw new StoreError('Conflict', `${key.kind} ${key.namespace}/${key.name} is at revision ${row.rev}, not ${expectedRev}`)
      }
      const rev = this.bump()
      this.#stmts.remove.run(key.kind, key.namespace, key.name)
      this.#stmts.log.run({...key, rev, type: 'DELETED', create_rev: row.create_rev, data: row.data})
      return {...fromRow<T>(row), rev}
    })
  }

  /**
   * Changes after `revision`, oldest first, at most `limit` (some with a null value, as the options
   * ask). Throws Compacted when the log no longer holds every change after `revision`: the watcher
   * must list again.
   */
  changesSince<T = unknown>(revision: number, opts: ChangesOptions = {}): Change<T>[] {
    return this.guard(() =>
      this.db.transaction(() => {
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
      })(),
    )
  }

  /** Drops change-log entries at or below `revision` (never above the current revision). */
  compact(revision: number): number {
    return this.transaction(() => {
      const upTo = Math.min(revision, this.revision())
      if (upTo <= this.compactedRevision()) return 0
      const removed = this.#stmts.compact.run(upTo).changes
      this.#stmts.setMeta.run('compacted', String(upTo))
      return removed
    })
  }

  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE, so concurrent writers queue on the busy
   * timeout instead of failing mid-way). Nested calls join the outer transaction through a savepoint:
   * a throw inside one undoes that call's writes (even if an outer caller catches it), and nothing is
   * committed until the outermost call returns.
   */
  transaction<R>(fn: () => R): R {
    const batch = this.#batch
    // a throw undoes this call's writes, and with them the revisions they took
    const before = this.#pendingRev
    if (!batch) {
      const outermost = !this.db.inTransaction
      // better-sqlite3 turns a transaction started inside another into SAVEPOINT/RELEASE
      const run = outermost
        ? () => {
            const r = fn()
            this.runFence()
            this.flushRevision()
            return r
          }
        : fn
      const started = outermost ? this.beforeWrite() : 0
      try {
        return this.guard(() => this.#tx.immediate(run) as R)
      } catch (error) {
        this.#pendingRev = before
        throw outermost ? this.blocked(error, started) : error
      } finally {
        if (outermost) this.#pendingRev = undefined
      }
    }
    // inside batch(): the first write opens the shared transaction; each outermost call is a savepoint
    if (!this.db.inTransaction) {
      const started = this.beforeWrite()
      try {
        this.guard(() => this.db.exec('BEGIN IMMEDIATE'))
      } catch (error) {
        throw this.blocked(error, started)
      }
      batch.openedAt = performance.now()
    }
    batch.depth++
    try {
      return this.guard(() => this.#tx.immediate(fn) as R)
    } catch (error) {
      this.#pendingRev = before
      throw error
    } finally {
      batch.depth--
      if (batch.depth === 0 && !this.#fencing && this.db.inTransaction && performance.now() - batch.openedAt >= batch.maxMs) this.commit()
    }
  }

  /**
   * Runs `fn` with its write transactions grouped: they commit together (one commit instead of one
   * per write) when `fn` returns or throws, or whenever the group has been open `maxMs`, so another
   * process's write waits at most about that long. Each write still succeeds or fails on its own
   * (a throwing write is undone through its savepoint); only the moment the others see it moves.
   */
  batch<R>(fn: () => R, maxMs = 50): R {
    if (this.#batch || this.db.inTransaction) return fn()
    this.#batch = {maxMs, openedAt: 0, depth: 0}
    try {
      return fn()
    } finally {
      this.#batch = undefined
      if (this.db.inTransaction) this.commit()
    }
  }

  /**
   * Sets (or clears) the condition every write transaction must meet before it commits; see WriteFence.
   * A transaction whose fence throws is rolled back whole (in a batch: every write since its last commit).
   */
  setFence(fence: WriteFence | undefined): void {
    this.#fence = fence
  }

  #fencing = false

  // the fence, inside the transaction; writes it makes itself (a renewal) join the transaction unfenced
  private runFence(): void {
    if (!this.#fence || this.#fencing) return
    this.#fencing = true
    try {
      this.#fence()
    } finally {
      this.#fencing = false
    }
  }

  // before opening a write transaction: wait for other writers only as long as the budget has left
  private beforeWrite(): number {
    if (this.#waitBudgetMs === undefined) return 0
    const want = Math.max(0, Math.floor(this.#waitBudgetMs))
    if (want !== this.#busyMs) {
      this.db.pragma(`busy_timeout = ${want}`)
      this.#busyMs = want
    }
    return performance.now()
  }

  // a write that could not get the lock: spend the time waited from the budget, and name who holds it
  private blocked(error: unknown, started: number): unknown {
    if (!isStoreError(error, 'Locked')) return error
    const waited = started > 0 ? performance.now() - started : this.#busyMs
    if (this.#waitBudgetMs !== undefined) this.#waitBudgetMs -= Math.max(waited, 1)
    const holder = findWriteLockHolder(this.file)
    const who = holder ? describeHolder(holder) : 'another process'
    return new StoreError('Locked', `state file ${this.file} is locked by ${who}; gave up waiting after ${(waited / 1000).toFixed(1)}s`, this.file)
  }

  // commits the open batch transaction, with the revision it reached
  private commit(): void {
    try {
      this.runFence()
    } catch (error) {
      // the fence refused: nothing of this transaction may land
      if (this.db.inTransaction) this.guard(() => this.db.exec('ROLLBACK'))
      this.#pendingRev = undefined
      throw error
    }
    this.guard(() => {
      this.flushRevision()
      this.db.exec('COMMIT')
    })
    this.#pendingRev = undefined
  }

  private flushRevision(): void {
    if (this.#pendingRev !== undefined) this.#stmts.setMeta.run('revision', String(this.#pendingRev))
  }

  /** Runs `fn` in one read transaction: every read inside sees the same snapshot. */
  snapshot<R>(fn: () => R): R {
    return this.guard(() => (this.db.inTransaction ? fn() : (this.#tx.deferred(fn) as R)))
  }

  private bump(): number {
    this.#pendingRev = (this.#pendingRev ?? Number(this.#stmts.rev.get()?.value ?? 0)) + 1
    return this.#pendingRev
  }

  private guard<R>(fn: () => R): R {
    try {
      return fn()
    } catch (error) {
      throw translateSqliteError(error, this.file)
    }
  }
}
