// kubectl's client-side apply merge: from the last-applied configuration (original), the new file
// (modified) and the live object (current), keep what others set, apply what the file changed and drop
// what the file no longer has. Lists of named things merge by their key, as strategic merge patch does
// (the keys come from the API's patch metadata, found by walking the kind's schema).
import type {KObject} from '../../api/types.js'
import {childStruct, patchMetaOf, rootStruct, type SchemaPos} from '../../api/patch/patch-meta.js'

type Json = null | boolean | number | string | Json[] | {[k: string]: Json}
type Obj = {[k: string]: Json}

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Merges one map level of the struct at `pos`. */
function mergeMap(original: Obj | undefined, modified: Obj, current: Obj, pos: SchemaPos): Obj {
  const out: Obj = {...current}
  for (const [k, v] of Object.entries(modified)) {
    // a null in the file is a deletion: kubectl's patch carries it as `k: null`, which removes the field
    if (v === null) delete out[k]
    else out[k] = mergeValue(pos, k, original?.[k], v, current[k])
  }
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) delete out[k]
  return out
}

function mergeValue(pos: SchemaPos, field: string, original: Json | undefined, modified: Json, current: Json | undefined): Json {
  const child = childStruct(pos, field)
  if (isObj(modified) && isObj(current)) return mergeMap(isObj(original) ? original : undefined, modified, current, child)
  const key = patchMetaOf(pos, field)?.key
  if (key && Array.isArray(modified) && Array.isArray(current) && modified.every(isObj) && current.every(isObj)) {
    return mergeList(key, Array.isArray(original) ? original.filter(isObj) : [], modified as Obj[], current as Obj[], child)
  }
  return modified
}

/** A keyed list: items the file has are merged into the live ones, items it dropped are removed. */
function mergeList(key: string, original: Obj[], modified: Obj[], current: Obj[], pos: SchemaPos): Json[] {
  const keyOf = (o: Obj) => JSON.stringify(o[key] ?? null)
  const dropped = new Set(original.map(keyOf).filter((k) => !modified.some((m) => keyOf(m) === k)))
  const out: Obj[] = []
  // the file's order first (strategic merge keeps the patch order), then live-only items
  for (const m of modified) {
    const live = current.find((c) => keyOf(c) === keyOf(m))
    const orig = original.find((o) => keyOf(o) === keyOf(m))
    out.push(live ? mergeMap(orig, m, live, pos) : m)
  }
  for (const c of current) if (!modified.some((m) => keyOf(m) === keyOf(c)) && !dropped.has(keyOf(c))) out.push(c)
  return out
}

/** The object apply would write: the live object with the file's changes merged in. */
export function threeWayMerge(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  return mergeMap(original, modified, current, rootStruct(modified.apiVersion, modified.kind))
}

/** Whether applying `modified` would change nothing in `current`. */
export function unchanged(merged: Obj, current: Obj): boolean {
  return equal(merged, current)
}

/** A stored object as the JSON value it is (KObject types its fields `unknown`; they only ever hold JSON). */
export function jsonOf(obj: KObject): Obj {
  return obj as unknown as Obj
}

/** A JSON object (a merge's or a patch's result) as the Kubernetes object it is. */
export function objectOf(json: Obj): KObject {
  return json as unknown as KObject
}

export type {Json, Obj}
