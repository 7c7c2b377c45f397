// Lists decoded once per store state: kube-apiserver answers lists from its watch cache, in memory, and
// kubectl, k9s and informers list the same things again and again. A list read here is kept with the
// store's change stamp (which moves on any commit, by any process); a later list of the same kind,
// namespace and selectors while the stamp has not moved reuses the decoded objects instead of reading and
// parsing every row again. Callers treat the items as read-only (they are encoded, never changed).
import type {Api} from '../api/server.js'
import type {KList} from '../api/types.js'
import type {ResourceType} from '../api/registry.js'

const MAX_ENTRIES = 32

interface Entry {
  stamp: string
  list: KList
}

const caches = new WeakMap<Api, Map<string, Entry>>()

export interface ListQuery {
  labelSelector?: string
  fieldSelector?: string
}

/** `api.list(rt, namespace, query)`, from the cache while nothing has been written since it was read. */
export function cachedList(api: Api, rt: ResourceType, namespace: string | undefined, query: ListQuery): KList {
  // a deprecated kind's warning is raised by the read itself: always read
  if (rt.warning) return api.list(rt, namespace, query)
  let cache = caches.get(api)
  if (!cache) caches.set(api, (cache = new Map()))
  const key = JSON.stringify([rt.group, rt.version, rt.kind, namespace ?? null, query.labelSelector ?? '', query.fieldSelector ?? ''])
  const stamp = api.changeStamp()
  const hit = cache.get(key)
  if (hit && hit.stamp === stamp) return hit.list
  const list = api.list(rt, namespace, query)
  // the stamp read before the list: a commit in between makes the entry stale, never wrongly fresh
  cache.delete(key)
  cache.set(key, {stamp, list})
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  return list
}
