// Discovery as kube-apiserver serves it, from ksim's registry: the legacy documents (/api, /apis,
// /api/v1, /apis/<g>/<v>) and the aggregated apidiscovery.k8s.io/v2 list that kubectl asks for first
// (chosen by the Accept header; the client then reads the Content-Type to know which it got).
import {createHash} from 'node:crypto'

import {discoveredResource} from '../api/discovery.js'
import {allTypes, apiVersionOf, type ResourceType} from '../api/registry.js'

interface Gvk {
  group: string
  version: string
  kind: string
}

export interface Subresource {
  name: string
  responseKind: Gvk
  verbs: string[]
}

const GET_UPDATE = ['get', 'patch', 'update']
const STATUS_KINDS = new Set(['Pod', 'Node', 'Namespace', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'PodDisruptionBudget', 'ReplicationController'])
const SCALE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'])

const gvkOf = (rt: ResourceType): Gvk => ({group: rt.group, version: rt.version, kind: rt.kind})

/** The types served in a group/version, sorted by resource name as kube-apiserver lists them (`kubectl get all` follows that order). */
function typesIn(gv: string): ResourceType[] {
  return allTypes()
    .filter((t) => apiVersionOf(t) === gv)
    .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
}

/** The subresources ksim serves for a type. */
export function subresourcesOf(rt: ResourceType): Subresource[] {
  const out: Subresource[] = []
  if (rt.kind === 'Pod') {
    out.push({name: 'binding', responseKind: {group: '', version: 'v1', kind: 'Binding'}, verbs: ['create']})
    out.push({name: 'eviction', responseKind: {group: 'policy', version: 'v1', kind: 'Eviction'}, verbs: ['create']})
    out.push({name: 'log', responseKind: {group: '', version: 'v1', kind: 'Pod'}, verbs: ['get']})
  }
  if (SCALE_KINDS.has(rt.kind)) out.push({name: 'scale', responseKind: {group: 'autoscaling', version: 'v1', kind: 'Scale'}, verbs: GET_UPDATE})
  if (STATUS_KINDS.has(rt.kind)) out.push({name: 'status', responseKind: gvkOf(rt), verbs: GET_UPDATE})
  return out
}

/** The `Content-Type` of the aggregated form; kubectl recognises the document by it. */
export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

/** Whether an Accept header asks for the aggregated v2 form. */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((a) => a.includes('as=APIGroupDiscoveryList') && a.includes('g=apidiscovery.k8s.io') && /;\s*v=v2(;|$)/.test(a.replaceAll(' ', '')))
}

/** kube-apiserver's storageVersionHash: the first 8 bytes of sha256("group/version/Kind") of the storage
 *  version, base64. Every type ksim serves is stored in the version it serves. */
export function storageVersionHash(rt: ResourceType): string {
  return createHash('sha256').update(`${rt.group}/${rt.version}/${rt.kind}`).digest().subarray(0, 8).toString('base64')
}

/** GET /api/v1, /apis/<g>/<v>: the APIResourceList, with subresources as `pods/status` entries. */
export function resourceList(gv: string): Record<string, unknown> | undefined {
  const types = typesIn(gv)
  if (types.length === 0) return undefined
  const resources = types.flatMap((rt) => {
    const r = discoveredResource(rt)
    const main = {
      name: r.name,
      singularName: rt.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length > 0 ? {shortNames: r.shortNames} : {}),
      ...(r.categories.length > 0 ? {categories: r.categories} : {}),
      storageVersionHash: storageVersionHash(rt),
    }
    const subs = subresourcesOf(rt).map((s) => ({
      name: `${rt.plural}/${s.name}`,
      singularName: '',
      namespaced: r.namespaced,
      ...(s.responseKind.group !== rt.group ? {group: s.responseKind.group, version: s.responseKind.version} : {}),
      kind: s.responseKind.kind,
      verbs: s.verbs,
    }))
    return [main, ...subs]
  })
  return {kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources}
}

/** The named groups ksim serves, each with its one version. */
function groups(): {name: string; version: string}[] {
  const seen = new Map<string, string>()
  for (const t of allTypes()) if (t.group && !seen.has(t.group)) seen.set(t.group, t.version)
  return [...seen].map(([name, version]) => ({name, version}))
}

/** GET /api (legacy): APIVersions. */
export function apiVersions(host: string): Record<string, unknown> {
  return {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: host}]}
}

/** GET /apis (legacy): APIGroupList. */
export function apiGroupList(): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups().map((g) => {
      const v = {groupVersion: `${g.name}/${g.version}`, version: g.version}
      return {name: g.name, versions: [v], preferredVersion: v}
    }),
  }
}

function aggregatedResource(rt: ResourceType): Record<string, unknown> {
  const r = discoveredResource(rt)
  const subs = subresourcesOf(rt)
  return {
    resource: rt.plural,
    responseKind: gvkOf(rt),
    scope: rt.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: rt.singular,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? {shortNames: r.shortNames} : {}),
    ...(r.categories.length > 0 ? {categories: r.categories} : {}),
    ...(subs.length > 0 ? {subresources: subs.map((s) => ({subresource: s.name, responseKind: s.responseKind, verbs: s.verbs}))} : {}),
  }
}

/** GET /api or /apis with the aggregated Accept: the core group alone, or every named group. */
export function aggregatedDiscovery(core: boolean): Record<string, unknown> {
  const names = core ? [{name: '', version: 'v1'}] : groups()
  const items = names.map((g) => ({
    metadata: {name: g.name, creationTimestamp: null},
    versions: [{version: g.version, resources: typesIn(g.name ? `${g.name}/${g.version}` : g.version).map(aggregatedResource), freshness: 'Current'}],
  }))
  return {kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items}
}
