// A CustomResourceDefinition's openAPIV3Schema as the API server uses it for its custom resources: the
// structural-schema rules a CRD must meet, pruning of fields the schema does not declare (unless
// x-kubernetes-preserve-unknown-fields), and the basic value checks (type, required, enum) with the
// messages of kube-openapi's validator: `spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"`.
import {fieldErr, type FieldError} from '../errors.js'

/** The part of a JSONSchemaProps ksim reads. */
export interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  additionalProperties?: JsonSchema | boolean
  required?: string[]
  enum?: unknown[]
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-embedded-resource'?: boolean
}

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string']

/** The structural-schema violations of a version's schema (root `type: object`, every node typed). */
export function structuralSchemaErrors(raw: Record<string, unknown>, path: string): FieldError[] {
  const schema = raw as JsonSchema
  const errs: FieldError[] = []
  if (!schema.type) errs.push(fieldErr.required(`${path}.type`, 'must not be empty at the root'))
  else if (schema.type !== 'object') errs.push(fieldErr.invalid(`${path}.type`, schema.type, 'must be object at the root'))
  walk(schema, path, errs)
  return errs
}

function walk(s: JsonSchema, path: string, errs: FieldError[]): void {
  if (s.type && !TYPES.includes(s.type)) errs.push(fieldErr.notSupported(`${path}.type`, s.type, TYPES))
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    const p = `${path}.properties[${name}]`
    if (!child.type && !untyped(child)) errs.push(fieldErr.required(`${p}.type`, 'must not be empty for specified object fields'))
    walk(child, p, errs)
  }
  if (s.items) {
    if (!s.items.type && !untyped(s.items)) errs.push(fieldErr.required(`${path}.items.type`, 'must not be empty for specified array items'))
    walk(s.items, `${path}.items`, errs)
  }
  if (typeof s.additionalProperties === 'object') {
    const a = s.additionalProperties
    if (!a.type && !untyped(a)) errs.push(fieldErr.required(`${path}.additionalProperties.type`, 'must not be empty for specified object fields'))
    walk(a, `${path}.additionalProperties`, errs)
  }
}

const untyped = (s: JsonSchema): boolean => Boolean(s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-int-or-string'])

const ROOT_KEPT = new Set(['apiVersion', 'kind', 'metadata'])

/**
 * Removes what the schema does not declare from `obj` (in place) and returns the removed paths, as the
 * server's pruning reports them to strict field validation (`spec.foo`). apiVersion, kind and metadata
 * are never pruned at the root.
 */
export function pruneUnknownFields(obj: Record<string, unknown>, schema: JsonSchema): string[] {
  const removed: string[] = []
  pruneObject(obj, schema, '', removed, true)
  return removed
}

function pruneValue(value: unknown, s: JsonSchema | undefined, path: string, removed: string[]): void {
  if (!s || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    value.forEach((v, i) => pruneValue(v, s.items, `${path}[${i}]`, removed))
    return
  }
  pruneObject(value as Record<string, unknown>, s, path, removed, false)
}

function pruneObject(obj: Record<string, unknown>, s: JsonSchema, path: string, removed: string[], root: boolean): void {
  const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined
  for (const key of Object.keys(obj)) {
    const child = `${path ? `${path}.` : ''}${key}`
    if (root && ROOT_KEPT.has(key)) continue
    const declared = s.properties?.[key] ?? additional
    if (declared) pruneValue(obj[key], declared, child, removed)
    else if (!s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties !== true) {
      removed.push(child)
      delete obj[key]
    }
  }
}

/** The value checks of the schema (type, required, enum), in the validator's words. */
export function validateAgainstSchema(obj: Record<string, unknown>, schema: JsonSchema): FieldError[] {
  const errs: FieldError[] = []
  checkObject(obj, schema, '', errs, true)
  return errs
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function typeMatches(v: unknown, s: JsonSchema): boolean {
  if (!s.type || s['x-kubernetes-int-or-string'] && (typeof v === 'string' || Number.isInteger(v))) return true
  const t = typeName(v)
  return t === s.type || (s.type === 'number' && t === 'integer')
}

function checkValue(v: unknown, s: JsonSchema, path: string, errs: FieldError[]): void {
  if (v === null || v === undefined) return
  if (!typeMatches(v, s)) {
    errs.push(fieldErr.invalid(path, typeName(v), `${path} in body must be of type ${s.type}: ${JSON.stringify(typeName(v))}`))
    return
  }
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
    errs.push(fieldErr.notSupported(path, v, s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))))
  }
  if (Array.isArray(v)) v.forEach((item, i) => s.items && checkValue(item, s.items, `${path}[${i}]`, errs))
  else if (typeof v === 'object') checkObject(v as Record<string, unknown>, s, path, errs, false)
}

function checkObject(obj: Record<string, unknown>, s: JsonSchema, path: string, errs: FieldError[], root: boolean): void {
  const prefix = path ? `${path}.` : ''
  for (const name of s.required ?? []) if (obj[name] === undefined) errs.push(fieldErr.required(`${prefix}${name}`))
  const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined
  for (const [key, value] of Object.entries(obj)) {
    if (root && ROOT_KEPT.has(key)) continue
    const child = s.properties?.[key] ?? additional
    if (child) checkValue(value, child, `${prefix}${key}`, errs)
  }
}
