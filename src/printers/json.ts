// `-o json` exactly as kubectl prints it: objects are unstructured maps, so every key is sorted;
// Go's encoder indents with four spaces and escapes <, >, &, U+2028 and U+2029.

/** A JSON-shaped deep copy with every object's keys in byte order, as Go marshals a map. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeysDeep(v)))
  if (value !== null && typeof value === 'object') {
    const src = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(src).sort()) {
      if (src[k] !== undefined) out[k] = sortKeysDeep(src[k])
    }
    return out
  }
  return value
}

const GO_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/** One object or list as `kubectl -o json` prints it, with the trailing newline. */
export function printJson(obj: unknown): string {
  const normal = JSON.parse(JSON.stringify(obj)) as unknown
  return JSON.stringify(sortKeysDeep(normal), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]) + '\n'
}
