// /openapi/v3: the root lists one document per served group/version, and each document declares, for
// every kind, a PATCH operation that takes `fieldValidation` — what kubectl looks for before it lets
// the server validate fields (query_param_verifier_v3), so it sends fieldValidation=Strict — and the
// kinds' schemas (openapi-schemas.ts), which `kubectl explain` reads.
import {createHash} from 'node:crypto'

import {allTypes, apiVersionOf, type ResourceType} from '../api/registry.js'
import {componentSchemas} from './openapi-schemas.js'

/** `api/v1`, `apis/apps/v1`: the key of a group/version in the v3 root. */
const pathKey = (gv: string): string => (gv.includes('/') ? `apis/${gv}` : `api/${gv}`)

function groupVersions(): string[] {
  return [...new Set(allTypes().map(apiVersionOf))]
}

export function objectPath(rt: ResourceType): string {
  const base = `/${pathKey(apiVersionOf(rt))}`
  return rt.namespaced ? `${base}/namespaces/{namespace}/${rt.plural}/{name}` : `${base}/${rt.plural}/{name}`
}

const documents = new Map<string, Record<string, unknown> | undefined>()

/** The OpenAPI v3 document of one group/version, or undefined for one ksim does not serve (built once). */
export function openApiDocument(key: string): Record<string, unknown> | undefined {
  const cached = documents.get(key)
  if (cached) return cached
  const doc = buildDocument(key)
  // the built-in groups never change; a group served from CustomResourceDefinitions (or not yet served) may
  const custom = allTypes().some((t) => t.custom && pathKey(apiVersionOf(t)) === key)
  if (doc && !custom) documents.set(key, doc)
  return doc
}

function buildDocument(key: string): Record<string, unknown> | undefined {
  const gv = groupVersions().find((g) => pathKey(g) === key)
  if (!gv) return undefined
  const paths: Record<string, unknown> = {}
  for (const rt of allTypes().filter((t) => apiVersionOf(t) === gv)) {
    const gvk = {group: rt.group, version: rt.version, kind: rt.kind}
    const op = (action: string) => ({
      operationId: `${action}${rt.kind}`,
      parameters: [{name: 'fieldValidation', in: 'query', schema: {type: 'string', uniqueItems: true}}],
      responses: {200: {description: 'OK'}},
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    })
    paths[objectPath(rt)] = {put: op('put'), patch: op('patch')}
  }
  const types = allTypes().filter((t) => apiVersionOf(t) === gv)
  return {openapi: '3.0.0', info: {title: 'Kubernetes', version: 'v1.35.2'}, paths, components: {schemas: componentSchemas(types)}}
}

const hashes = new WeakMap<object, string>()
const hashOf = (doc: Record<string, unknown>): string => {
  let h = hashes.get(doc)
  if (!h) hashes.set(doc, (h = createHash('sha512').update(JSON.stringify(doc)).digest('hex').slice(0, 128).toUpperCase()))
  return h
}

/** GET /openapi/v3: every document with the hash of its content (a client caches it under that URL). */
export function openApiRoot(): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const gv of groupVersions()) {
    const key = pathKey(gv)
    paths[key] = {serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(openApiDocument(key)!)}`}
  }
  return {paths}
}

/** The cache headers of a document requested with its current hash: immutable, as kube-openapi answers. */
export function immutableHeaders(): Record<string, string> {
  return {'Cache-Control': 'public, immutable', Expires: new Date(Date.now() + 365 * 86_400_000).toUTCString()}
}

export {hashOf}
