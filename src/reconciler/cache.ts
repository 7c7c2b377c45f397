// The reconciler's view of the cluster: every object of every registered kind, read once at start and
// then kept current from the store's change log, so a pass never rereads the whole state.
import type {ObjectCache} from '../controllers/types.js'
import type {KObject} from '../api/types.js'
import type {Change, Store} from '../store/sqlite-store.js'

import {withResourceVersion} from '../api/meta.js'
import {allTypes} from '../api/registry.js'
import {isStoreError} from '../store/errors.js'

/** How the cache is built: which kinds it holds, and which changes wake nobody. */
export interface CacheOptions {
  /** kinds to hold; default every registered kind */
  kinds?: readonly string[]
  /** changes applied to the cache but not reported as changed (the reconciler's own lease renewals) */
  quiet?: (change: Change<KObject>) => boolean
  /** change-log entries read per query; default 1000 */
  pageSize?: number
}

const keyOf = (namespace: string, name: string): string => `${namespace}\u0000${name}`

// the cache hands out shared objects: freezing them turns an accidental in-place edit into a TypeError
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o)
    for (const v of Object.values(o)) deepFreeze(v)
  }
  return o
}

/** An ObjectCache fed by the store's change log; `sync()` says which kinds moved. */
export class StoreCache implements ObjectCache {
  readonly kinds: ReadonlySet<string>
  #objects = new Map<string, Map<string, KObject>>()
  #sorted = new Map<string, KObject[]>()
  #revision = 0
  #stamp = ''

  constructor(
    readonly store: Store,
    readonly opts: CacheOptions = {},
  ) {
    this.kinds = new Set(opts.kinds ?? allTypes().map((t) => t.kind))
  }

  /** Reads every object of every kind in one snapshot and starts following the change log from there. */
  load(): void {
    this.store.snapshot(() => {
      this.#objects = new Map()
      this.#sorted = new Map()
      for (const kind of this.kinds) {
        const m = new Map<string, KObject>()
        for (const sv of this.store.list<KObject>(kind).items) m.set(keyOf(sv.namespace, sv.name), deepFreeze(withResourceVersion(sv.value, sv.rev)))
        this.#objects.set(kind, m)
      }
      this.#revision = this.store.revision()
    })
  }

  /**
   * Whether another connection (or this one) may have written since the last sync: SQLite's
   * data_version plus this connection's own write count. Cheap enough to ask every few milliseconds.
   */
  mayHaveChanged(): boolean {
    return `${this.store.dataVersion()}:${this.store.localWrites()}` !== this.#stamp
  }

  /**
   * Applies every change since the last sync and returns the kinds that changed (quiet changes
   * excepted). When the log no longer reaches back that far, lists everything again and reports
   * every kind as changed.
   */
  sync(): Set<string> {
    const changed = new Set<string>()
    // read the stamp before the log: a commit after this read shows up as a new stamp next time
    this.#stamp = `${this.store.dataVersion()}:${this.store.localWrites()}`
    const limit = this.opts.pageSize ?? 1000
    try {
      for (;;) {
        const {revision, changes} = this.store.snapshot(() => ({
          revision: this.store.revision(),
          changes: this.store.changesSince<KObject>(this.#revision, {limit}),
        }))
        for (const c of changes) {
          this.apply(c)
          if (this.kinds.has(c.kind) && !this.opts.quiet?.(c)) changed.add(c.kind)
        }
        if (changes.length < limit) {
          this.#revision = Math.max(this.#revision, revision)
          return changed
        }
      }
    } catch (error) {
      if (!isStoreError(error, 'Compacted')) throw error
      this.load()
      return new Set(this.kinds)
    }
  }

  list(kind: string, namespace?: string): KObject[] {
    const m = this.#objects.get(kind)
    if (!m) return []
    let all = this.#sorted.get(kind)
    if (!all) {
      // store order: namespace, then name (SQLite compares bytes; names are ASCII)
      all = [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1])
      this.#sorted.set(kind, all)
    }
    return namespace === undefined ? [...all] : all.filter((o) => (o.metadata.namespace ?? '') === namespace)
  }

  get(kind: string, namespace: string, name: string): KObject | undefined {
    return this.#objects.get(kind)?.get(keyOf(namespace, name))
  }

  revision(): number {
    return this.#revision
  }

  private apply(c: Change<KObject>): void {
    this.#revision = c.rev
    const m = this.#objects.get(c.kind)
    if (!m) return
    const key = keyOf(c.namespace, c.name)
    if (c.type === 'DELETED') m.delete(key)
    else m.set(key, deepFreeze(withResourceVersion(c.value, c.rev)))
    this.#sorted.delete(c.kind)
  }
}
