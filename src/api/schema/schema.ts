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
  /** resolved on first use: a command decodes a handful of the ~300 structs */
  structs: {get(id: string): ResolvedStruct | undefined}
  /** every struct id, for checking the whole schema */
  ids(): string[]
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

/**
 * Merges the overlay into the generated structs and resolves Go types, one struct at a time as the
 * decoder reaches it (resolving all of them up front cost a `ksim create` ~2 ms of its start-up).
 * An overlay that names a missing struct, or a field referring to one, throws when that struct is
 * resolved; `checkSchema` resolves them all.
 */
export function resolveSchema(gen: GeneratedSchema): Schema {
  for (const id of Object.keys(ADDED_FIELDS)) {
    if (!Object.hasOwn(gen.structs, id) && !Object.hasOwn(ADDED_STRUCTS, id)) throw new Error(`schema overlay: no struct ${id}`)
  }
  const has = (id: string) => Object.hasOwn(ADDED_STRUCTS, id) || Object.hasOwn(gen.structs, id)
  const defOf = (id: string): StructDef | undefined => {
    const base = Object.hasOwn(ADDED_STRUCTS, id) ? ADDED_STRUCTS[id] : Object.hasOwn(gen.structs, id) ? gen.structs[id] : undefined
    if (!base) return undefined
    const def: StructDef = {...base}
    for (const [name, type] of Object.entries(ADDED_FIELDS[id] ?? {})) def[name] = {type, optional: true}
    for (const n of REMOVED_FIELDS[id] ?? []) delete def[n]
    for (const [name, type] of Object.entries(SHAPE_OVERRIDES[id] ?? {})) if (def[name]) def[name] = {...def[name], type}
    return def
  }
  const resolved = new Map<string, ResolvedStruct>()
  const get = (id: string): ResolvedStruct | undefined => {
    let struct = resolved.get(id)
    if (struct) return struct
    const def = defOf(id)
    if (!def) return undefined
    const name = id.slice(id.lastIndexOf('.') + 1)
    const fields = new Map<string, ResolvedField>()
    for (const [fname, f] of Object.entries(def)) {
      fields.set(fname, {type: f.type, go: GO_TYPES[`${name}.${fname}`] ?? goTypeOf(f.type)})
      checkRefs(f.type, has, `${id}.${fname}`)
    }
    struct = {name, fields}
    resolved.set(id, struct)
    return struct
  }
  const ids = () => [...new Set([...Object.keys(gen.structs), ...Object.keys(ADDED_STRUCTS)])]
  return {roots: new Map(Object.entries(gen.roots)), structs: {get}, ids}
}

/** Resolves every struct of `schema`, throwing at the first overlay or reference that names a missing one. */
export function checkSchema(schema: Schema): void {
  for (const id of schema.ids()) schema.structs.get(id)
  for (const [root, id] of schema.roots) if (!schema.structs.get(id)) throw new Error(`schema: root ${root} refers to unknown struct ${id}`)
}

function checkRefs(t: TypeExpr, has: (id: string) => boolean, where: string): void {
  if (typeof t === 'string') return
  if ('ref' in t) {
    if (!has(t.ref)) throw new Error(`schema: ${where} refers to unknown struct ${t.ref}`)
  } else checkRefs('array' in t ? t.array : t.map, has, where)
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
