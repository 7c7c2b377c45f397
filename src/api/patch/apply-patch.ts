// One patch applied to one object: the three patch types behind one function, used by the API server
// (Api.patch) and by kubectl-style local patching (--local, --dry-run=client).
import type {KObject} from '../types.js'
import {applyJsonPatch, decodeJsonPatch} from './json-patch.js'
import {applyMergePatch, type Json} from './merge-patch.js'
import {rootStruct} from './patch-meta.js'
import {strategicMergePatch} from './strategic.js'

/** kubectl's --type values (types.StrategicMergePatchType, MergePatchType, JSONPatchType) and server-side apply's
 * ApplyPatchType (application/apply-patch+yaml, served by managed/apply.ts). */
export type PatchType = 'strategic' | 'merge' | 'json' | 'apply'

const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The patched object (a new one; `obj` is not changed). Throws JsonPatchError or StrategicPatchError
 * with the libraries' texts; `patch` must already have the shape its type needs (see Api.patch).
 */
export function applyPatch(obj: KObject, type: PatchType, patch: Json): Json {
  const doc = obj as Record<string, Json>
  if (type === 'json') return applyJsonPatch(doc, decodeJsonPatch(patch ?? []))
  if (type === 'merge') return applyMergePatch(doc, patch)
  return strategicMergePatch(doc, isMap(patch) ? patch : {}, rootStruct(obj.apiVersion, obj.kind))
}

/** Deep equality of JSON values, key order ignored: did a patch change anything. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
  }
  return a === b
}

export {isMap}
