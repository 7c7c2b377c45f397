// How the reconciler's cache keeps ten thousand objects small. JSON.parse gives every pod its own copy
// of everything: "default-scheduler", the image name, the same two tolerations, the same empty
// `resources: {}`. The freezer makes equal parts one part, and freezes what it hands out (the cache's
// objects are shared by every controller; an accidental in-place edit becomes a TypeError).
/** strings up to this long are shared between the objects that hold them */
const SHARED_STRING_MAX = 128
/** parts whose description (content, with shared parts by number) is longer are kept as they are */
const SHARED_KEY_MAX = 256
/**
 * How many shared strings and parts are remembered, the most recently met first: what many objects
 * hold stays, one-off values (a uid, a pod's own metadata) pass through and are forgotten
 */
const TABLE_MAX = 4096

/** Freezes JSON documents, sharing equal strings and equal frozen parts between them. */
export class Freezer {
  readonly #strings = new RecentTable<string>()
  readonly #parts = new RecentTable<object>()
  /** the number of each shared part, for describing the parts that contain it */
  readonly #ids = new WeakMap<object, number>()
  #nextId = 0

  /**
   * `next` frozen, made of shared parts where it can be: a part equal to the same part of `prev` (the
   * version `next` replaces) is taken from it; another equal to one already shared is that one.
   * `next` itself (the top level) is never shared.
   */
  adopt(next: unknown, prev: unknown): unknown {
    return this.part(next, prev, 0)
  }

  // `depth` 0 is the object itself, 1 its metadata, spec and status: each object's own, never shared
  private part(next: unknown, prev: unknown, depth: number): unknown {
    if (typeof next === 'string') return next === prev ? prev : next.length <= SHARED_STRING_MAX ? this.share(next) : next
    if (next === null || typeof next !== 'object' || Object.isFrozen(next)) return next
    const array = Array.isArray(next)
    const record = next as Record<string, unknown>
    const keys = Object.keys(record)
    const old = prev !== null && typeof prev === 'object' && Array.isArray(prev) === array ? (prev as Record<string, unknown>) : undefined
    const oldKeys = old ? Object.keys(old) : []
    let same = old !== undefined && oldKeys.length === keys.length
    // a description of the content that equal parts share: `[` or `{`, then each (key and) value
    let key: string | undefined = depth < 2 ? undefined : array ? '[' : '{'
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!
      const before = old?.[k]
      const v = this.part(record[k], before, depth + 1)
      record[k] = v
      if (v !== before || oldKeys[i] !== k) same = false
      if (key !== undefined) {
        const d = this.describe(v)
        key = d === undefined ? undefined : array ? key + d : `${key}${k.length}:${k}${d}`
        if (key !== undefined && key.length > SHARED_KEY_MAX) key = undefined
      }
    }
    if (same) return old
    if (key === undefined) return Object.freeze(next)
    const known = this.#parts.get(key)
    if (known) return known
    this.#parts.set(key, Object.freeze(next))
    this.#ids.set(next, ++this.#nextId)
    return next
  }

  // a value as it appears in the description of the part holding it; undefined: not shareable
  private describe(v: unknown): string | undefined {
    switch (typeof v) {
      case 'string':
        return `s${v.length}:${v}`
      case 'number':
        return `n${v};`
      case 'boolean':
        return v ? 't' : 'f'
      case 'object': {
        if (v === null) return 'z'
        const id = this.#ids.get(v)
        return id === undefined ? undefined : `o${id};`
      }
      default:
        return undefined
    }
  }

  private share(s: string): string {
    const known = this.#strings.get(s)
    if (known !== undefined) return known
    this.#strings.set(s, s)
    return s
  }
}

/**
 * A table that remembers what was met recently, in two generations: a hit in the older one is copied
 * into the newer; when the newer is full it becomes the older and the oldest is forgotten. Cheaper
 * than a strict least-recently-used order (a lookup is one or two gets).
 */
class RecentTable<V> {
  #young = new Map<string, V>()
  #old = new Map<string, V>()

  get(key: string): V | undefined {
    const v = this.#young.get(key)
    if (v !== undefined) return v
    const o = this.#old.get(key)
    if (o !== undefined) this.set(key, o)
    return o
  }

  set(key: string, value: V): void {
    if (this.#young.size >= TABLE_MAX / 2) {
      this.#old = this.#young
      this.#young = new Map()
    }
    this.#young.set(key, value)
  }
}
