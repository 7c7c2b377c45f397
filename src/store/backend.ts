// What the rest of ksim may ask of the cluster store: kine's Backend, shaped for one process and one
// synchronous SQLite connection. Callers outside src/store depend on this interface, never on the
// database behind it (sqlite-store.ts is the one implementation; another backend would sit beside it).
// It stores opaque JSON documents and knows nothing of what they mean.

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

/** What a read of the change log asks for. */
export interface ChangesOptions {
  /** only changes of this kind */
  kind?: string
  /** at most this many per page; default 10,000 */
  limit?: number
  /** changes of these kinds come with a null value */
  withoutValues?: ReadonlySet<string>
  /** deletions come with a null value (not the last stored one) */
  withoutDeletedValues?: boolean
}

/** One page of the change log, read in one snapshot. */
export interface ChangePage<T = unknown> {
  /** the changes after the page's start, oldest first */
  changes: Change<T>[]
  /**
   * where the next page starts: the last change's revision while more may follow, else the store's
   * revision when the page was read (past changes of other kinds, so a kind reader is never reported
   * Compacted for changes it never wanted)
   */
  next: number
  /** the page was full: more changes may follow at once */
  more: boolean
}

export interface ListResult<T = unknown> {
  items: StoredValue<T>[]
  /** the store revision the list was read at */
  revision: number
}

/**
 * A condition a write transaction must meet, checked inside it (after its writes, before it commits):
 * throwing undoes the whole transaction. The store does not know what it checks (a lease, say).
 */
export type WriteFence = () => void

/**
 * A prefilter of a list, applied where the documents are stored, before any is parsed: only documents
 * whose stored JSON text contains every one of `contains`. It may let through more than the caller
 * wants (the text can appear anywhere in a document): the caller still matches what it gets exactly.
 */
export interface ListFilter {
  contains?: readonly string[]
}

export interface Backend {
  /** where the store lives (named in errors) */
  readonly file: string
  close(): void

  /** The newest revision written to the store. */
  revision(): number
  /** The newest revision removed from the change log by compaction (0 if none). */
  compactedRevision(): number
  /** A number that changes whenever another connection commits (not on this connection's own commits). */
  dataVersion(): number
  /** A value that changes whenever anyone, this connection included, may have written: cheap to poll. */
  changeStamp(): string

  get<T = unknown>(key: Key): StoredValue<T> | undefined
  /** Lists a kind, in one namespace or all (namespace undefined), sorted by namespace then name. */
  list<T = unknown>(kind: string, namespace?: string, filter?: ListFilter): ListResult<T>
  count(kind: string): number
  /** Creates `key` if absent; `build` receives the new revision. Throws KeyExists when the key is taken. */
  create<T>(key: Key, build: (rev: number) => T): StoredValue<T>
  /** Compare-and-swap on the key's revision. Throws NotFound if absent and Conflict if it moved on. */
  update<T>(key: Key, expectedRev: number, build: (rev: number, current: StoredValue<T>) => T): StoredValue<T>
  /** Deletes `key`; with `expectedRev`, only if unchanged since. Returns the last stored value. */
  delete<T>(key: Key, expectedRev?: number): StoredValue<T>

  /**
   * One page of the changes after revision `after` (readChanges in changes.ts pages through them all).
   * Throws StoreError 'Compacted' when the log no longer holds every change after `after`: list again.
   */
  changes<T = unknown>(after: number, opts?: ChangesOptions): ChangePage<T>
  /** Drops change-log entries at or below `revision` (never above the current revision); returns how many. */
  compact(revision: number): number
  /** Moves what the write-ahead log holds into the main file: 'truncate' also empties the log (waiting for readers). */
  checkpoint(mode?: 'passive' | 'truncate'): void

  /** Runs `fn` in one write transaction; nested calls join it, and a throw undoes that call's writes. */
  transaction<R>(fn: () => R): R
  /** Runs `fn` with its write transactions grouped into shared commits, at most `maxMs` apart. */
  batch<R>(fn: () => R, maxMs?: number): R
  /** Runs `fn` in one read transaction: every read inside sees the same snapshot. */
  snapshot<R>(fn: () => R): R
  /** Sets (or clears) the condition every write transaction must meet before it commits. */
  setFence(fence: WriteFence | undefined): void
}
