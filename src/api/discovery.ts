// What ksim's API server reports through discovery for the kinds in its registry: the APIResource
// records `kubectl api-resources` lists and the group/versions `kubectl api-versions` lists. Only the
// kinds ksim serves appear, with the verbs a real kube-apiserver reports for them; subresources
// (pods/status, deployments/scale) are left out, as kubectl leaves them out.
import {allTypes, apiVersionOf, type ResourceType} from './registry.js'

/** The verbs a kube-apiserver reports for a resource with every REST operation, sorted as it sorts them. */
export const STANDARD_VERBS: readonly string[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

/** One resource as discovery describes it: metav1.APIResource with the group/version it is served in. */
export interface DiscoveredResource {
  /** the plural, `pods` */
  name: string
  shortNames: string[]
  /** '' for the core group */
  group: string
  /** `v1`, `apps/v1` */
  groupVersion: string
  namespaced: boolean
  kind: string
  verbs: string[]
  categories: string[]
}

/** The discovery record of one registered type. */
export function discoveredResource(rt: ResourceType): DiscoveredResource {
  return {
    name: rt.plural,
    shortNames: [...rt.shortNames],
    group: rt.group,
    groupVersion: apiVersionOf(rt),
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: [...(rt.verbs ?? STANDARD_VERBS)],
    categories: [...rt.categories],
  }
}

/** Every resource ksim serves, in registry order (callers sort). */
export function servedResources(): DiscoveredResource[] {
  return allTypes().map(discoveredResource)
}

/** The group/versions ksim serves, sorted byte-wise as `kubectl api-versions` sorts them (`v1` last). */
export function servedGroupVersions(): string[] {
  return [...new Set(allTypes().map(apiVersionOf))].sort(byteCompare)
}

/** The filters of `kubectl api-resources`; `group` and `namespaced` apply only when given. */
export interface ResourceFilter {
  group?: string
  namespaced?: boolean
  /** resources must support every one of these */
  verbs?: string[]
  /** resources must belong to every one of these */
  categories?: string[]
}

/** `--sort-by`: '' sorts by API group (the core group first). */
export type ResourceSortKey = '' | 'name' | 'kind'

/**
 * The resources `kubectl api-resources` prints: filtered, then stably sorted by the key and, where the
 * keys are equal, by name.
 */
export function selectResources(resources: readonly DiscoveredResource[], filter: ResourceFilter, sortBy: ResourceSortKey = ''): DiscoveredResource[] {
  const kept = resources.filter(
    (r) =>
      r.verbs.length > 0 &&
      (filter.group === undefined || r.group === filter.group) &&
      (filter.namespaced === undefined || r.namespaced === filter.namespaced) &&
      (filter.verbs ?? []).every((v) => r.verbs.includes(v)) &&
      (filter.categories ?? []).every((c) => r.categories.includes(c)),
  )
  const key = (r: DiscoveredResource): string => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group)
  return kept.sort((a, b) => byteCompare(key(a), key(b)) || byteCompare(a.name, b.name))
}

// Go compares strings byte-wise; the names here are ASCII, where UTF-16 order is the same
function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
