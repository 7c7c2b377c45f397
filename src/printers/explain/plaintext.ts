// `kubectl explain`'s plaintext output (pkg/explain/v2, template "plaintext") from an OpenAPI v3
// document of one group/version: the KIND/VERSION header, then either the resource or the field the
// path names (FIELD:, DESCRIPTION:, FIELDS:), each field with its type, `-required-` and enum values,
// descriptions wrapped as kubectl wraps them; with `recursive`, the field tree without descriptions.
import {additional, allOf, description, extractEnum, type Json, mapOf, resolveRef, truthy, typeGuess} from './schema-walk.js'
import {indent, wrapString} from './word-wrap.js'

/** The resource asked for, as kubectl's REST mapper resolved it. */
export interface ExplainTarget {
  group: string
  version: string
  resource: string
}

/** An error kubectl explain prints as it is (`error: field "x" does not exist`), after what it had written. */
export class ExplainError extends Error {
  constructor(
    message: string,
    /** the output before the error (the header), which kubectl has already written to stdout */
    readonly written = '',
  ) {
    super(message)
  }
}

type Refs = Record<string, true>

/** The whole output for `target` and `fieldPath` (empty for the resource itself). */
export function explainPlaintext(doc: Json, target: ExplainTarget, fieldPath: string[], recursive: boolean): string {
  const gvk = findGvk(doc, target)
  if (!gvk) throw new ExplainError(`error: GVR (${target.group}/${target.version}, Resource=${target.resource}) not found in OpenAPI schema`)
  let out = gvk.group ? `GROUP:      ${String(gvk.group)}\n` : ''
  out += `KIND:       ${String(gvk.kind)}\nVERSION:    ${String(gvk.version)}\n\n`
  const schemas = mapOf(mapOf(doc, 'components') ?? {}, 'schemas') ?? {}
  const root = Object.keys(schemas)
    .sort(byBytes)
    .map((k) => schemas[k] as Json)
    .find((s) => Array.isArray(s['x-kubernetes-group-version-kind']) && (s['x-kubernetes-group-version-kind'] as Json[]).some((g) => sameGvk(g, gvk)))
  if (!root) throw new ExplainError(`error: GVK map[group:${String(gvk.group)} kind:${String(gvk.kind)} version:${String(gvk.version)}] not found in OpenAPI schema`, out)
  const body = output(doc, root, {}, fieldPath, recursive)
  if (!body) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`, out)
  return `${out}${body}\n`
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const sameGvk = (a: Json, b: Json): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k])

/** The GVK of the operations on the resource's paths (the last path and method that declares one). */
function findGvk(doc: Json, t: ExplainTarget): Json | undefined {
  const prefix = t.group ? `/apis/${t.group}` : '/api'
  const paths = mapOf(doc, 'paths') ?? {}
  let gvk: Json | undefined
  for (const p of [
    [prefix, t.version, t.resource],
    [prefix, t.version, t.resource, '{name}'],
    [prefix, t.version, 'namespaces', '{namespace}', t.resource],
    [prefix, t.version, 'namespaces', '{namespace}', t.resource, '{name}'],
  ]) {
    const item = mapOf(paths, p.join('/'))
    if (!item || !truthy(item)) continue
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = mapOf(item, method)
      if (!op || !truthy(op)) continue
      gvk = mapOf(op, 'x-kubernetes-group-version-kind')
      if (gvk && truthy(gvk)) break
    }
  }
  return gvk && truthy(gvk) ? gvk : undefined
}

/** The template's "output": follows the field path, then prints the schema it ends at. */
function output(doc: Json, schema: Json, history: Refs, fieldPath: string[], recursive: boolean): string {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : ''
  const next: Refs = {...history, [ref]: true}
  const resolved = resolveRef(ref, doc) ?? schema
  if (fieldPath.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(resolved, doc) || '<empty>', 76))}\n`
    const fields = fieldList(doc, resolved, 1, {}, recursive)
    if (fields) out += `FIELDS:\n${fields}`
    return out
  }
  if (ref && history[ref]) return ''
  const props = mapOf(resolved, 'properties')
  const [first, ...rest] = fieldPath as [string, ...string[]]
  const sub = props ? mapOf(props, first) : undefined
  if (props && truthy(props) && sub && truthy(sub)) {
    let out = ''
    if (fieldPath.length === 1) out += `FIELD: ${first} <${typeGuess(sub, doc)}>\n${extractEnum(sub, true, -1)}\n\n`
    return out + output(doc, sub, {}, rest, recursive)
  }
  const items = mapOf(resolved, 'items')
  if (items && truthy(items)) return output(doc, items, next, fieldPath, recursive)
  const ap = additional(resolved)
  if (ap) return output(doc, ap, next, fieldPath, recursive)
  for (const alt of allOf(resolved)) {
    const out = output(doc, alt, next, fieldPath, recursive)
    if (out) return out
  }
  return ''
}

/** The template's "fieldList": each property (sorted), recursively under `recursive`, cycles cut. */
function fieldList(doc: Json, schema: Json, level: number, history: Refs, recursive: boolean): string {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : ''
  if (ref && history[ref]) return ''
  const next: Refs = {...history, [ref]: true}
  const resolved = resolveRef(ref, doc) ?? schema
  let out = ''
  const props = mapOf(resolved, 'properties') ?? {}
  const required = Array.isArray(resolved.required) ? (resolved.required as unknown[]) : []
  for (const name of Object.keys(props).sort(byBytes)) {
    out += fieldDetail(doc, name, props[name] as Json, required.includes(name), recursive, level)
    if (recursive) out += fieldList(doc, props[name] as Json, level + 1, next, recursive)
  }
  for (const alt of allOf(resolved)) out += fieldList(doc, alt, level, next, recursive)
  const items = mapOf(resolved, 'items')
  if (items && truthy(items)) out += fieldList(doc, items, level, next, recursive)
  const ap = additional(resolved)
  if (ap) out += fieldList(doc, ap, level, next, recursive)
  return out
}

/** The template's "fieldDetail": `name\t<type>[ -required-]`, then the wrapped description unless short. */
function fieldDetail(doc: Json, name: string, field: Json, required: boolean, short: boolean, level: number): string {
  const pad = level * 2
  let out = `${indent(pad, name)}\t<${typeGuess(field, doc)}>${required ? ' -required-' : ''}${extractEnum(field, false, 4, pad)}\n`
  if (!short) {
    const text = truthy(field.description) ? String(field.description) : '<no description>'
    out += `${indent(pad + 2, wrapString(text, 78 - pad))}\n\n`
  }
  return out
}
