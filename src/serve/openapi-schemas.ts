// OpenAPI v3 component schemas (and Swagger 2.0 definitions, for /openapi/v2) generated from the field schema ksim decodes against (api/schema): one
// schema per struct reachable from a served kind, named as kube-openapi names them
// (`io.k8s.api.core.v1.Pod`), the kind's root marked with x-kubernetes-group-version-kind. kubectl reads
// them for `kubectl explain` and for client-side apply's patch metadata (the strategic-merge tags come
// from api/patch/patch-meta.ts). Descriptions and required fields come from api/schema/descriptions.ts.
import {structDoc} from '../api/schema/descriptions.js'
import {defaultSchema, type Schema} from '../api/schema/schema.js'
import type {TypeExpr} from '../api/schema/types.js'
import type {ResourceType} from '../api/registry.js'
import {patchMetaOf} from '../api/patch/patch-meta.js'

/** `core/v1.Pod` → `io.k8s.api.core.v1.Pod`; meta/v1 is apimachinery's. */
export function schemaName(id: string): string {
  const [module, name] = [id.slice(0, id.lastIndexOf('.')), id.slice(id.lastIndexOf('.') + 1)]
  const base = module.startsWith('meta/') ? `io.k8s.apimachinery.pkg.apis.${module.replace('/', '.')}` : `io.k8s.api.${module.replace('/', '.')}`
  return `${base}.${name}`
}

/** The scalars with schemas of their own: shape → [schema name, schema, the id of their description]. */
const SCALARS: Record<string, [string, Record<string, unknown>, string]> = {
  'int-or-string': ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', {type: 'string', format: 'int-or-string'}, 'util/intstr.IntOrString'],
  quantity: ['io.k8s.apimachinery.pkg.api.resource.Quantity', {type: 'string'}, 'api/resource.Quantity'],
  time: ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', {type: 'string', format: 'date-time'}, 'meta/v1.Time'],
  'micro-time': ['io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', {type: 'string', format: 'date-time'}, 'meta/v1.MicroTime'],
  any: ['io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', {type: 'object'}, 'meta/v1.FieldsV1'],
}

/** A schema with its description first, as kube-openapi writes it; none for an empty description. */
const described = (description: string | undefined, s: Record<string, unknown>): Record<string, unknown> =>
  description ? {description, ...s} : s

/**
 * The schemas of the served kinds of one group/version, with every struct and scalar they reach. `v2`:
 * as Swagger 2.0 writes them (under #/definitions/, a struct field a plain $ref, as kube-openapi's v2 has it).
 */
export function componentSchemas(types: readonly ResourceType[], schema: Schema = defaultSchema(), v2 = false): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {}
  const ref = (name: string): Record<string, unknown> => ({$ref: `${v2 ? '#/definitions/' : '#/components/schemas/'}${name}`})
  const visit = (t: TypeExpr): Record<string, unknown> => {
    if (typeof t === 'string') {
      if (t === 'string') return {type: 'string'}
      if (t === 'number') return {type: 'integer', format: 'int32'}
      if (t === 'boolean') return {type: 'boolean'}
      if (t === 'bytes') return {type: 'string', format: 'byte'}
      const [name, s, docId] = SCALARS[t]!
      out[name] ??= described(structDoc(docId)?.description, s)
      return ref(name)
    }
    if ('array' in t) return {type: 'array', items: visit(t.array)}
    if ('map' in t) return {type: 'object', additionalProperties: visit(t.map)}
    return v2 ? struct(t.ref) : {allOf: [struct(t.ref)], default: {}}
  }
  const struct = (id: string): Record<string, unknown> => {
    const name = schemaName(id)
    if (!out[name]) {
      out[name] = {type: 'object'}
      const doc = structDoc(id)
      const properties: Record<string, unknown> = {}
      for (const [field, def] of schema.structs.get(id)?.fields ?? []) {
        // the strategic-merge tags client-side apply computes its patches with
        const meta = patchMetaOf(id, field)
        const tags = meta ? {'x-kubernetes-patch-strategy': meta.strategy, ...(meta.key ? {'x-kubernetes-patch-merge-key': meta.key} : {})} : {}
        let value = visit(def.type)
        const description = doc?.fields[field]
        // v3 puts a described $ref under allOf (a sibling of $ref is ignored there)
        if (description && !v2 && '$ref' in value) value = {allOf: [value]}
        properties[field] = described(description, {...value, ...tags})
      }
      const required = (doc?.required ?? []).filter((f) => properties[f] !== undefined)
      out[name] = described(doc?.description, {type: 'object', properties, ...(required.length > 0 ? {required} : {})})
    }
    return ref(name)
  }
  for (const rt of types) {
    if (rt.custom) {
      out[customSchemaName(rt)] = customResourceSchema(rt, struct('meta/v1.ObjectMeta'), v2)
      continue
    }
    const id = schema.roots.get(`${rt.group ? `${rt.group}/` : ''}${rt.version}/${rt.kind}`)
    if (!id) continue
    struct(id)
    out[schemaName(id)]!['x-kubernetes-group-version-kind'] = [{group: rt.group, kind: rt.kind, version: rt.version}]
  }
  return out
}

/** `stable.example.com` v1 CronTab → `com.example.stable.v1.CronTab`, as the apiextensions server names it. */
export function customSchemaName(rt: ResourceType): string {
  return `${rt.group.split('.').reverse().join('.')}.${rt.version}.${rt.kind}`
}

/**
 * A custom resource's schema as the apiextensions server publishes it: the version's openAPIV3Schema with
 * apiVersion, kind and metadata (ObjectMeta) added, described as every kind's are.
 */
function customResourceSchema(rt: ResourceType, objectMeta: Record<string, unknown>, v2: boolean): Record<string, unknown> {
  const own = (rt.custom?.schema ?? {type: 'object'}) as Record<string, unknown>
  const top = structDoc('core/v1.ConfigMap')?.fields ?? {}
  const properties = {
    ...((own.properties as Record<string, unknown> | undefined) ?? {}),
    apiVersion: described(top.apiVersion, {type: 'string'}),
    kind: described(top.kind, {type: 'string'}),
    metadata: described(top.metadata, v2 ? objectMeta : {allOf: [objectMeta]}),
  }
  return {...own, type: 'object', properties, 'x-kubernetes-group-version-kind': [{group: rt.group, kind: rt.kind, version: rt.version}]}
}
