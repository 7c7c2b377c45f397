// The cache's index of pods by spec.nodeName (controller-runtime's field index): the pods of one node
// without a scan of every pod.
import type {KObject} from '../api/types.js'

const nodeOf = (o: KObject | undefined): string | undefined => (o?.spec as {nodeName?: string} | undefined)?.nodeName || undefined

export class NodeIndex {
  readonly #byNode = new Map<string, Map<string, KObject>>()

  /** Moves the pod at cache key `key` from where `previous` was bound to where `next` is (absent: gone). */
  set(key: string, previous: KObject | undefined, next: KObject | undefined): void {
    const from = nodeOf(previous)
    const to = nodeOf(next)
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

  /** The pods bound to `node`, in store order (namespace, then name). */
  list(node: string): KObject[] {
    const pods = this.#byNode.get(node)
    if (!pods) return []
    return [...pods.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1])
  }
}
