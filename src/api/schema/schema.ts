// The field schema the API server decodes against: generated.json (built from kubernetes-types by
// scripts/gen-schema.js at build time) plus the v1.34 overlay, with each field's Go type resolved.
import fs from 'node:fs'

import {GO_TYPES, NAMED_MAPS} from './go-types.js'
import {ADDED_FIELDS, ADDED_STRUCTS, REMOVED_FIELDS, SHAPE_OVERRIDES} from './overlay.js'
import type {GeneratedSchema, ResolvedField, ResolvedStruct, StructDef, TypeExpr} from './types.js'

/** The schema for decoding: root kinds and resolved structs. */
export interface Schema {
  /** `v1/Pod`, `apps/v1/Deployment` → struct id */
  roots: Map<string, string>
  structs: Map<string, ResolvedStruct>
}

/** Where the build writes generated.json: beside the compiled module, else in the source tree. */
const CANDIDATES = ['./generated.json', '../../../../src/api/schema/generated.json']

/** Go's name for a shape (`[]v1.Container`, `map[string]string`, `v1.PodSpec`). */
export function goTypeOf(t: TypeExpr): string {
  if (typeof t === 'string') {
    const names: Record<string, string> = {
      string: 'string',
      number: 'int32',
      boolean: 'bool',
      'int-or-string': 'intstr.IntOrString',
      quantity: 'resource.Quantity',
      time: 'v1.Time',
      'micro-time': 'v1.MicroTime',
      bytes: '[]uint8',
      any: 'v1.FieldsV1',
    }
    return names[t]
  }
  if ('ref' in t) {
    const dot = t.ref.lastIndexOf('.')
    const pkg = t.ref.slice(0, dot).split('/').pop()
    return `${pkg}.${t.ref.slice(dot + 1)}`
  }
  if ('array' in t) return `[]${goTypeOf(t.array)}`
  return `map[string]${goTypeOf(t.map)}`
}

/** The Go type of a slice's or map's elements (`[]v1.Capability` → `v1.Capability`). */
export function goElemType(go: string): string {
  if (go.startsWith('[]')) return go.slice(2)
  if (go.startsWith('map[')) return go.slice(go.indexOf(']') + 1)
  return NAMED_MAPS[go] ?? go
}

/** Merges the overlay into the generated structs and resolves Go types. */
export function resolveSchema(gen: GeneratedSchema): Schema {
  const defs: Record<string, StructDef> = {}
  for (const [id, def] of Object.entries(gen.structs)) defs[id] = {...def}
  for (const [id, def] of Object.entries(ADDED_STRUCTS)) defs[id] = {...def}
  for (const [id, fields] of Object.entries(ADDED_FIELDS)) {
    if (!defs[id]) throw new Error(`schema overlay: no struct ${id}`)
    for (const [name, type] of Object.entries(fields)) defs[id][name] = {type, optional: true}
  }
  for (const [id, names] of Object.entries(REMOVED_FIELDS)) for (const n of names) delete defs[id]?.[n]
  for (const [id, fields] of Object.entries(SHAPE_OVERRIDES)) {
    for (const [name, type] of Object.entries(fields)) if (defs[id]?.[name]) defs[id][name] = {...defs[id][name], type}
  }
  const structs = new Map<string, ResolvedStruct>()
  for (const [id, def] of Object.entries(defs)) {
    const name = id.slice(id.lastIndexOf('.') + 1)
    const fields = new Map<string, ResolvedField>()
    for (const [fname, f] of Object.entries(def)) {
      fields.set(fname, {type: f.type, go: GO_TYPES[`${name}.${fname}`] ?? goTypeOf(f.type)})
      checkRefs(f.type, defs, `${id}.${fname}`)
    }
    structs.set(id, {name, fields})
  }
  return {roots: new Map(Object.entries(gen.roots)), structs}
}

function checkRefs(t: TypeExpr, defs: Record<string, StructDef>, where: string): void {
  if (typeof t === 'string') return
  if ('ref' in t) {
    if (!defs[t.ref]) throw new Error(`schema: ${where} refers to unknown struct ${t.ref}`)
  } else checkRefs('array' in t ? t.array : t.map, defs, where)
}

/** Reads generated.json from the first place the build put it. */
export function readGeneratedSchema(): GeneratedSchema {
  for (const rel of CANDIDATES) {
    const url = new URL(rel, import.meta.url)
    if (fs.existsSync(url)) return JSON.parse(fs.readFileSync(url, 'utf8')) as GeneratedSchema
  }
  throw new Error('ksim field schema not generated: run `node scripts/gen-schema.js`')
}

let cached: Schema | undefined

/** The schema of the kinds ksim serves (loaded once). */
export function defaultSchema(): Schema {
  cached ??= resolveSchema(readGeneratedSchema())
  return cached
}
