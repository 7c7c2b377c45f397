// RFC 7386 JSON merge patch (evanphx/json-patch MergePatch, as the API server applies
// `application/merge-patch+json`): objects merge key by key, null removes a key, anything else
// (lists included) replaces the value.

type Json = null | boolean | number | string | Json[] | {[k: string]: Json}

const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Applies `patch` to `doc` (neither is modified); a non-object patch replaces the document. */
export function applyMergePatch(doc: Json, patch: Json): Json {
  if (!isMap(patch)) return stripNulls(patch)
  const out: Record<string, Json> = isMap(doc) ? {...doc} : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = applyMergePatch(out[k] ?? null, v)
  }
  return out
}

/** A value a merge patch adds is taken as it is, minus the nulls inside its objects (RFC 7386). */
function stripNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripNulls)
  if (!isMap(v)) return v
  const out: Record<string, Json> = {}
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = stripNulls(x)
  return out
}

export type {Json}
