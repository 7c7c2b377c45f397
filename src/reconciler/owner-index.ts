// The cache's index of dependents by owner uid (the garbage collector's graph, as kube-controller-manager's
// GC keeps one from its informers): the objects whose ownerReferences name an owner, without a scan of
// every object. It holds cache keys, not objects, so a status write to a dependent costs nothing here;
// only a change of an object's owner uids moves entries.
import type {KObject} from '../api/types.js'

const ownerUids = (o: KObject | undefined): string[] => (o?.metadata.ownerReferences ?? []).map((r) => r.uid)

const sameUids = (a: string[], b: string[]): boolean => a.length === b.length && a.every((u, i) => u === b[i])

export class OwnerIndex {
  /** owner uid -> the dependents' `kind` and cache key, in the order they gained the reference */
  readonly #byOwner = new Map<string, Map<string, {kind: string; key: string}>>()

  /** Moves the object at cache key `key` of `kind` from the owners `previous` named to those `next` names. */
  set(kind: string, key: string, previous: KObject | undefined, next: KObject | undefined): void {
    const before = ownerUids(previous)
    const after = ownerUids(next)
    if (sameUids(before, after)) return
    const id = `${kind}\u0000${key}`
    for (const uid of before) {
      if (after.includes(uid)) continue
      const deps = this.#byOwner.get(uid)
      deps?.delete(id)
      if (deps?.size === 0) this.#byOwner.delete(uid)
    }
    for (const uid of after) {
      let deps = this.#byOwner.get(uid)
      if (!deps) this.#byOwner.set(uid, (deps = new Map()))
      if (!deps.has(id)) deps.set(id, {kind, key})
    }
  }

  /** The `kind` and cache key of every dependent of the owner with uid `uid`. */
  dependents(uid: string): {kind: string; key: string}[] {
    const deps = this.#byOwner.get(uid)
    return deps ? [...deps.values()] : []
  }
}
