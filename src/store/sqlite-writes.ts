// How the SQLite store writes: one BEGIN IMMEDIATE transaction per write (nested ones as savepoints),
// batches that group many writes into few commits, the write fence checked before each commit, the
// write-wait budget, and the revision counter that is written to meta once per commit.
import type Database from 'better-sqlite3'

import type {WriteFence} from './backend.js'
import {StoreError, isStoreError} from './errors.js'
import {describeHolder, findWriteLockHolder} from './lock-holder.js'
import {guarded} from './sqlite-open.js'

const pause = new Int32Array(new SharedArrayBuffer(4))
const sleepMs = (ms: number): void => void Atomics.wait(pause, 0, 0, ms)
const isBusy = (error: unknown): boolean => String((error as {code?: unknown})?.code ?? '').startsWith('SQLITE_BUSY')

export class SqliteWrites {
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
  readonly #busyStmts = new Map<number, Database.Statement>()
  #fencing = false

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    busyMs: number,
    waitBudgetMs: number | undefined,
    private readonly stored: {read(): number; write(rev: number): void},
  ) {
    this.#busyMs = busyMs
    this.#waitBudgetMs = waitBudgetMs
    this.#tx = db.transaction((fn: () => unknown) => fn())
  }

  /** The revision the open write transaction has reached, if it has written. */
  pendingRevision(): number | undefined {
    return this.#pendingRev !== undefined && this.db.inTransaction ? this.#pendingRev : undefined
  }

  /** Takes the next revision, inside a write transaction. */
  bump(): number {
    this.#pendingRev = (this.#pendingRev ?? this.stored.read()) + 1
    return this.#pendingRev
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
        if (!outermost) return this.guard(() => this.#tx.immediate(run) as R)
        let began = false
        return this.guard(() =>
          this.lockPolling(
            () =>
              this.#tx.immediate(() => {
                began = true
                return run()
              }) as R,
            () => began,
          ),
        )
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
        this.guard(() => this.lockPolling(() => this.db.exec('BEGIN IMMEDIATE'), () => false))
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

  /** Runs `fn` in one read transaction: every read inside sees the same snapshot. */
  snapshot<R>(fn: () => R): R {
    return this.guard(() => (this.db.inTransaction ? fn() : (this.#tx.deferred(fn) as R)))
  }

  /**
   * Sets (or clears) the condition every write transaction must meet before it commits; see WriteFence.
   * A transaction whose fence throws is rolled back whole (in a batch: every write since its last commit).
   */
  setFence(fence: WriteFence | undefined): void {
    this.#fence = fence
  }

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
    if (this.#pendingRev !== undefined) this.stored.write(this.#pendingRev)
  }

  /**
   * Runs `attempt` (a BEGIN IMMEDIATE and what follows it) and, while it finds the write lock taken
   * before `began`, tries again every millisecond until the busy timeout has passed. SQLite's own busy
   * handler sleeps up to 100 ms between tries: against a writer that holds the lock for 50 ms batches
   * with gaps of a millisecond between them it almost never got in (a `create -f` of 30,000 objects ran at 8 %
   * of a core for three minutes while the reconciler wrote its batches).
   */
  private lockPolling<R>(attempt: () => R, began: () => boolean): R {
    const patience = this.#busyMs
    if (patience <= 0) return attempt()
    this.busyTimeout(0)
    try {
      let deadline: number | undefined
      for (;;) {
        try {
          return attempt()
        } catch (error) {
          if (began() || !isBusy(error)) throw error
          deadline ??= performance.now() + patience
          if (performance.now() >= deadline) throw error
          sleepMs(1)
        }
      }
    } finally {
      this.busyTimeout(patience)
    }
  }

  // sets SQLite's busy timeout through a statement prepared once per value (db.pragma() prepares one
  // at each call: two per write transaction were 9 % of an idle reconciler)
  private busyTimeout(ms: number): void {
    let stmt = this.#busyStmts.get(ms)
    if (!stmt) {
      if (this.#busyStmts.size > 8) this.#busyStmts.clear()
      this.#busyStmts.set(ms, (stmt = this.db.prepare(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(ms))}`)))
    }
    stmt.get()
  }

  private guard<R>(fn: () => R): R {
    return guarded(this.file, fn)
  }
}
