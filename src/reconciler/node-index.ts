// The cache's index of pods by spec.nodeName (controller-runtime's field index): the pods of one node
// without a scan of every pod.
import type {KObject} from '../api/types.js'

const nodeOf = (o: KObject | undefined): string | undefined => (o?.spec as {nodeName?: string} | undefined)?.nodeName || undefined

export class NodeIndex {
  readonly #byNode = new Map<string, Map<string, KObject>>()
  /** per node, the sorted list last handed out, until one of its pods changes */
  readonly #sorted = new Map<string, readonly KObject[]>()

  /** Moves the pod at cache key `key` from where `previous` was bound to where `next` is (absent: gone). */
  set(key: string, previous: KObject | undefined, next: KObject | undefined): void {
    const from = nodeOf(previous)
    const to = nodeOf(next)
    if (from !== undefined) this.#sorted.delete(from)
    if (to !== undefined) this.#sorted.delete(to)
    if (from !== undefined && from !== to) {
      const pods = this.#byNode.get(from)
      pods?.delete(key)
      if (pods?.size === 0) this.#byNode.delete(from)
    }
    if (to === undefined || !next) return
    let pods = this.#byNode.get(to)
    if (!pods) this.#byNode.set(to, (pods = new Map()))
    pods.set(key, next)
  }

  /** The pods bound to `node`, in store order (namespace, then name); shared until they change: do not modify. */
  list(node: string): readonly KObject[] {
    const cached = this.#sorted.get(node)
    if (cached) return cached
    const pods = this.#byNode.get(node)
    if (!pods) return []
    const keys = [...pods.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const sorted = keys.map((k) => pods.get(k)!)
    this.#sorted.set(node, sorted)
    return sorted
  }
}
