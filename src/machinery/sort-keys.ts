// kubectl decodes objects into maps, so `-o yaml` and `-o json` print every map's keys sorted, as Go
// marshals a map; ksim stores objects in that order so that printing them in insertion order matches.

/**
 * A JSON-shaped deep copy with every object's keys in byte order: arrays keep their order (an
 * undefined element becomes null, as JSON has it), undefined fields are dropped.
 */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeysDeep(v))) as T
  if (value !== null && typeof value === 'object') {
    const src = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(src).sort()) if (src[k] !== undefined) out[k] = sortKeysDeep(src[k])
    return out as T
  }
  return value
}

/** A typed object (an interface, which has no index signature) as the map of fields it is at run time. */
export function fieldsOf(obj: object): Record<string, unknown> {
  return obj as Record<string, unknown>
}
