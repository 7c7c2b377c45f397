// The reconciler's view of the cluster: every object of every registered kind, read once at start and
// then kept current from the store's change log, so a pass never rereads the whole state. Each kind is
// kept in store order as it changes (a change moves one entry, not a sort of the kind). A kind may be
// left unheld: its changes are reported, its objects are not kept (Events: the most numerous kind,
// which no controller reads from the cache).
import type {ObjectCache, ObjectChange} from '../controllers/types.js'
import type {KObject, ObjectOf} from '../api/types.js'
import type {Backend, Change} from '../store/backend.js'

import {withResourceVersion} from '../api/meta.js'
import {allTypes} from '../api/registry.js'
import {readChanges} from '../store/changes.js'
import {isStoreError} from '../store/errors.js'
import {Freezer} from './freezer.js'
import {NodeIndex} from './node-index.js'
import {OwnerIndex} from './owner-index.js'

/** How the cache is built: which kinds it holds, and which changes wake nobody. */
export interface CacheOptions {
  /** kinds to hold; default every registered kind */
  kinds?: readonly string[]
  /** changes applied to the cache but not reported as changed (the reconciler's own lease renewals) */
  quiet?: (change: Change<KObject>) => boolean
  /**
   * change-log entries read per query; default 100 (a page is parsed whole and lives until applied: a
   * small one dies young, a large one is promoted to the old generation and collected there)
   */
  pageSize?: number
  /**
   * kinds whose changes sync() reports without holding their objects (they are not even parsed):
   * for controllers that are woken by a kind but read it elsewhere
   */
  unheld?: readonly string[]
}

const keyOf = (namespace: string, name: string): string => `${namespace}\u0000${name}`

/**
 * One kind in store order: keys sorted (namespace, then name), objects at the same positions. New keys
 * wait in `added` until the next read merges them in, so a burst of creations costs one merge, not a
 * shift of the whole array per object.
 */
class KindIndex {
  readonly byKey = new Map<string, KObject>()
  keys: string[] = []
  objects: KObject[] = []
  readonly added = new Map<string, KObject>()

  set(key: string, o: KObject): void {
    const had = this.byKey.has(key)
    this.byKey.set(key, o)
    if (!had) this.added.set(key, o)
    else if (this.added.has(key)) this.added.set(key, o)
    else this.objects[this.position(key)] = o
  }

  delete(key: string): void {
    if (!this.byKey.delete(key)) return
    if (this.added.delete(key)) return
    const i = this.position(key)
    this.keys.splice(i, 1)
    this.objects.splice(i, 1)
  }

  /** Every object in store order. */
  ordered(): KObject[] {
    if (this.added.size > 0) this.merge()
    return this.objects
  }

  private merge(): void {
    const add = [...this.added.keys()].sort(byBytes)
    const keys: string[] = []
    const objects: KObject[] = []
    let i = 0
    for (const k of add) {
      while (i < this.keys.length && this.keys[i]! < k) {
        keys.push(this.keys[i]!)
        objects.push(this.objects[i++]!)
      }
      keys.push(k)
      objects.push(this.added.get(k)!)
    }
    while (i < this.keys.length) {
      keys.push(this.keys[i]!)
      objects.push(this.objects[i++]!)
    }
    this.keys = keys
    this.objects = objects
    this.added.clear()
  }

  // the position of a key among the sorted ones
  private position(key: string): number {
    const keys = this.keys
    let lo = 0
    let hi = keys.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (keys[mid]! < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

// SQLite compares bytes; names are ASCII
const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** An ObjectCache fed by the store's change log; `sync()` says which kinds moved. */
export class StoreCache implements ObjectCache {
  readonly kinds: ReadonlySet<string>
  readonly #unheld: ReadonlySet<string>
  #objects = new Map<string, KindIndex>()
  #revision = 0
  #stamp = ''
  readonly #freezer = new Freezer()
  #podsByNode = new NodeIndex()
  #dependents = new OwnerIndex()
  /** how many times every object was read (start-up, and after the change log was compacted under us) */
  loads = 0

  constructor(
    readonly store: Backend,
    readonly opts: CacheOptions = {},
  ) {
    this.#unheld = new Set(opts.unheld ?? [])
    this.kinds = new Set((opts.kinds ?? allTypes().map((t) => t.kind)).filter((k) => !this.#unheld.has(k)))
  }

  /** Reads every object of every kind in one snapshot and starts following the change log from there. */
  load(): void {
    this.store.snapshot(() => {
      this.#objects = new Map()
      this.#podsByNode = new NodeIndex()
      this.#dependents = new OwnerIndex()
      this.loads++
      for (const kind of this.kinds) {
        const index = new KindIndex()
        // the store lists in key order: appending keeps it
        for (const sv of this.store.list<KObject>(kind).items) {
          const key = keyOf(sv.namespace, sv.name)
          const o = this.held(sv.value, sv.rev)
          index.byKey.set(key, o)
          index.keys.push(key)
          index.objects.push(o)
          if (kind === 'Pod') this.#podsByNode.set(key, undefined, o)
          this.#dependents.set(kind, key, undefined, o)
        }
        this.#objects.set(kind, index)
      }
      this.#revision = this.store.revision()
    })
  }
  /**
   * Whether another connection (or this one) may have written since the last sync: SQLite's
   * data_version plus this connection's own write count. Cheap enough to ask every few milliseconds.
   */
  mayHaveChanged(): boolean {
    return this.store.changeStamp() !== this.#stamp
  }

  /**
   * Applies every change since the last sync and returns the kinds that changed (quiet changes
   * excepted), telling `onChange` about each object. When the log no longer reaches back that far,
   * lists everything again (`loads` counts it) and reports every kind as changed.
   */
  sync(onChange?: (change: ObjectChange) => void): Set<string> {
    const changed = new Set<string>()
    // read the stamp before the log: a commit after this read shows up as a new stamp next time
    this.#stamp = this.store.changeStamp()
    const opts = {limit: this.opts.pageSize ?? 100, withoutValues: this.#unheld, withoutDeletedValues: true}
    try {
      const upTo = readChanges<KObject>(this.store, this.#revision, opts, (c) => {
        const change = this.apply(c)
        if ((this.kinds.has(c.kind) || this.#unheld.has(c.kind)) && !this.opts.quiet?.(c)) {
          changed.add(c.kind)
          onChange?.(change)
        }
      })
      this.#revision = Math.max(this.#revision, upTo)
      return changed
    } catch (error) {
      if (!isStoreError(error, 'Compacted')) throw error
      this.load()
      return new Set([...this.kinds, ...this.#unheld])
    }
  }

  list<K extends string>(kind: K, namespace?: string): ObjectOf<K>[] {
    const all = this.#objects.get(kind)?.ordered() as ObjectOf<K>[] | undefined
    if (!all) return []
    return namespace === undefined ? all.slice() : all.filter((o) => (o.metadata.namespace ?? '') === namespace)
  }

  get<K extends string>(kind: K, namespace: string, name: string): ObjectOf<K> | undefined {
    return this.#objects.get(kind)?.byKey.get(keyOf(namespace, name)) as ObjectOf<K> | undefined
  }

  podsOnNode(node: string): readonly ObjectOf<'Pod'>[] {
    return this.#podsByNode.list(node) as readonly ObjectOf<'Pod'>[]
  }

  dependents(uid: string): readonly KObject[] {
    const found: KObject[] = []
    for (const {kind, key} of this.#dependents.dependents(uid)) {
      const o = this.#objects.get(kind)?.byKey.get(key)
      if (o) found.push(o)
    }
    return found
  }

  revision(): number {
    return this.#revision
  }

  // the change applied, as controllers see it
  private apply(c: Change<KObject>): ObjectChange {
    this.#revision = c.rev
    const index = this.#objects.get(c.kind)
    const change: ObjectChange = {kind: c.kind, namespace: c.namespace, name: c.name}
    if (!index) return change
    const key = keyOf(c.namespace, c.name)
    const previous = index.byKey.get(key)
    if (previous) change.previous = previous
    if (c.type === 'DELETED') index.delete(key)
    else index.set(key, (change.object = this.held(c.value, c.rev, previous)))
    if (c.kind === 'Pod') this.#podsByNode.set(key, previous, change.object)
    this.#dependents.set(c.kind, key, previous, change.object)
    return change
  }

  // what the cache keeps of a stored object: frozen, with its resourceVersion, sharing with `prev`
  private held(value: KObject, rev: number, prev?: KObject): KObject {
    return this.#freezer.adopt(withResourceVersion(value, rev), prev) as KObject
  }
}
