// Waits until deleted objects are gone from the store (or replaced by a new object with another uid),
// polling SQLite's data_version so an idle wait reads nothing.
import type {ResourceType} from '../api/registry.js'
import type {Api} from '../api/server.js'

export interface Awaited {
  rt: ResourceType
  namespace: string
  name: string
  uid: string
}

/** Resolves with the objects still present when the timeout ran out (empty on success). */
export async function waitUntilGone(api: Api, items: Awaited[], timeoutMs: number): Promise<Awaited[]> {
  const deadline = performance.now() + timeoutMs
  let pending = items
  let seen: string | undefined
  for (;;) {
    const dv = api.changeStamp()
    if (dv !== seen) {
      seen = dv
      pending = pending.filter((i) => {
        const o = api.peek(i.rt.kind, i.namespace, i.name)
        return o !== undefined && o.metadata.uid === i.uid
      })
    }
    if (pending.length === 0) return []
    if (performance.now() >= deadline) return pending
    await new Promise((r) => setTimeout(r, Math.min(25, Math.max(1, deadline - performance.now()))))
  }
}
