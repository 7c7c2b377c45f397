// The pieces of an OpenAPI v3 document kubectl explain's plaintext view reads: $ref resolution, the
// short type name of a field (`<string>`, `<[]Container>`, `<map[string]string>`), enum lists and the
// description of a schema with those of the schemas it refers to (pkg/explain/v2 templates).

/** An OpenAPI schema or document, as parsed JSON. */
export type Json = Record<string, unknown>

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A map field of a schema, undefined if absent or not an object. */
export const mapOf = (s: Json, key: string): Json | undefined => (isMap(s[key]) ? (s[key] as Json) : undefined)

/** Go templates' truthiness: false, 0, nil and empty strings, slices and maps are false. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (isMap(v)) return Object.keys(v).length > 0
  return true
}

/** resolveRef: a `#/a/b/c` reference followed through the document, or undefined. */
export function resolveRef(ref: unknown, doc: Json): Json | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined
  let cur: Json = doc
  for (const k of decodeURIComponent(ref.slice(1)).split('/')) {
    if (k === '') continue
    const next = cur[k]
    if (!isMap(next)) return undefined
    cur = next
  }
  return cur
}

/** A schema's additionalProperties when it is a schema (not `true`/`false`). */
export const additional = (s: Json): Json | undefined => (isMap(s.additionalProperties) && truthy(s.additionalProperties) ? s.additionalProperties : undefined)

const allOf = (s: Json): Json[] => (Array.isArray(s.allOf) ? (s.allOf as Json[]) : [])

/** The template's typeGuess. */
export function typeGuess(s: Json, doc: Json): string {
  const items = mapOf(s, 'items')
  if (items && truthy(items)) return `[]${typeGuess(items, doc)}`
  const ap = additional(s)
  if (ap) return `map[string]${typeGuess(ap, doc)}`
  if (allOf(s).length === 1 && !truthy(s.properties)) return typeGuess(allOf(s)[0]!, doc)
  const ref = s.$ref
  if (truthy(ref)) {
    const target = resolveRef(ref, doc)
    if (!target || !truthy(target.type) || target.type === 'object') {
      const name = String(ref).split('/').pop()!
      return name.split('.').pop() || 'Object'
    }
    return String(target.type)
  }
  if (s.type === 'object') return 'Object'
  return truthy(s.type) ? String(s.type) : 'Object'
}

/** Go's %v of an enum element (strings as they are, `""` for the empty one). */
const enumText = (e: unknown): string => (e === '' ? '""' : typeof e === 'string' ? e : JSON.stringify(e))

/** extractEnum: the short form after a field line, or the long form under FIELD:. */
export function extractEnum(s: Json, longView: boolean, limit: number, indentAmount = 0): string {
  if (!Array.isArray(s.enum) || s.enum.length === 0) return ''
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `
  for (const [i, e] of s.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....'
      break
    }
    if (i > 0 && !longView) out += ', '
    else if (longView) out += '\n    '
    out += enumText(e)
  }
  return out
}

/** The template's description: the schema's own, then those of its allOf, items and map values. */
export function description(s: Json, doc: Json): string {
  const r = resolveRef(s.$ref, doc) ?? s
  let out = truthy(r.description) ? `${String(r.description)}\n` : ''
  for (const sub of allOf(r)) out += description(sub, doc)
  const items = mapOf(r, 'items')
  if (items && truthy(items)) out += description(items, doc)
  const ap = additional(r)
  if (ap) out += description(ap, doc)
  return out
}

export {allOf}
