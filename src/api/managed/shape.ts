// The shape structured-merge-diff walks an object with, taken from ksim's schema: which maps are structs
// (fields known), which are granular maps (every key its own field) or atomic, and which lists are
// associative (items keyed as `k:{...}`), sets (`v:...`) or atomic. Lists follow the OpenAPI list-type
// markers, falling back to the strategic patch metadata (patch-meta.ts), as kube-openapi's schemaconv does.
import {defaultSchema} from '../schema/schema.js'
import type {TypeExpr} from '../schema/types.js'
import {patchMetaOf, type SchemaPos} from '../patch/patch-meta.js'

export type Shape =
  | {kind: 'struct'; id: string}
  | {kind: 'map'; elem: Shape}
  | {kind: 'list'; elem: Shape; keys?: string[]; set?: boolean}
  | {kind: 'atomic'}
  | {kind: 'leaf'}
  /** no schema (an unknown field or kind): maps are granular, lists atomic */
  | {kind: 'deduced'}

/** Structs marked `+structType=atomic` / `x-kubernetes-map-type: atomic` in k8s.io/api and apimachinery. */
const ATOMIC_STRUCTS = new Set([
  'LabelSelector', 'LocalObjectReference', 'ObjectReference', 'TypedLocalObjectReference', 'NodeSelector',
  'NodeSelectorTerm', 'ObjectFieldSelector', 'ResourceFieldSelector', 'ConfigMapKeySelector', 'SecretKeySelector',
  'OwnerReference',
])

/** `+listType=map` lists whose keys differ from their patchMergeKey (`<struct>.<field>` → keys). */
const LIST_MAP_KEYS: Record<string, string[]> = {
  'Container.ports': ['containerPort', 'protocol'],
  'EphemeralContainer.ports': ['containerPort', 'protocol'],
  'ServiceSpec.ports': ['port', 'protocol'],
  'PodSpec.topologySpreadConstraints': ['topologyKey', 'whenUnsatisfiable'],
}

/** `+listType=atomic` lists that have a patch strategy all the same. */
const ATOMIC_LISTS = new Set(['PodStatus.hostIPs'])

/** Key fields the OpenAPI schema defaults, which a key takes when an item leaves them out. */
export const KEY_DEFAULTS: Record<string, unknown> = {protocol: 'TCP'}

const LEAF: Shape = {kind: 'leaf'}
const DEDUCED: Shape = {kind: 'deduced'}
const ATOMIC: Shape = {kind: 'atomic'}

function structName(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1)
}

function shapeOfType(t: TypeExpr, owner: SchemaPos, field: string): Shape {
  if (typeof t === 'string') return t === 'any' ? ATOMIC : LEAF
  if ('ref' in t) return ATOMIC_STRUCTS.has(structName(t.ref)) ? ATOMIC : {kind: 'struct', id: t.ref}
  if ('map' in t) return {kind: 'map', elem: shapeOfType(t.map, undefined, '')}
  const elem = shapeOfType(t.array, undefined, '')
  const name = owner ? `${structName(owner)}.${field}` : ''
  if (ATOMIC_LISTS.has(name)) return ATOMIC
  const keys = LIST_MAP_KEYS[name]
  if (keys) return {kind: 'list', elem, keys}
  const meta = patchMetaOf(owner, field)
  if (!meta) return ATOMIC
  return meta.key ? {kind: 'list', elem, keys: [meta.key]} : {kind: 'list', elem, set: true}
}

/** The shape of field `field` of a map with shape `parent`; `member` says whether the key is a field of
 * its own in the set (a granular map's key or an unknown field) rather than a struct's declared field. */
export function childShape(parent: Shape, field: string): {shape: Shape; member: boolean} {
  if (parent.kind === 'map') return {shape: parent.elem, member: true}
  if (parent.kind !== 'struct') return UNKNOWN_FIELD
  // every write walks its object: a struct's fields are resolved once
  let fields = FIELDS.get(parent.id)
  if (!fields) FIELDS.set(parent.id, (fields = new Map()))
  let child = fields.get(field)
  if (!child) {
    const f = defaultSchema().structs.get(parent.id)?.fields.get(field)
    child = f ? {shape: shapeOfType(f.type, parent.id, field), member: false} : UNKNOWN_FIELD
    fields.set(field, child)
  }
  return child
}

const UNKNOWN_FIELD = {shape: DEDUCED, member: true}
const FIELDS = new Map<string, Map<string, {shape: Shape; member: boolean}>>()

/** The shape of a kind's root object. */
export function rootShape(apiVersion: unknown, kind: unknown): Shape {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return DEDUCED
  const id = defaultSchema().roots.get(`${apiVersion}/${kind}`)
  return id ? {kind: 'struct', id} : DEDUCED
}

/**
 * Struct fields a Go zero value carries (non-pointer structs and the few lists without omitempty): what
 * the API server's "empty" object has when it compares a new object against it on create.
 */
const ZERO_FIELDS = new Set(['metadata', 'spec', 'status', 'template', 'strategy', 'updateStrategy', 'jobTemplate'])

/** The Go zero value of a struct as JSON, as far as ownership cares (see ZERO_FIELDS). */
export function zeroObject(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (shape.kind !== 'struct') return out
  for (const f of ZERO_FIELDS) {
    const c = childShape(shape, f)
    if (!c.member && c.shape.kind === 'struct') out[f] = zeroObject(c.shape)
  }
  if (structName(shape.id) === 'PodSpec') out.containers = null
  return out
}
