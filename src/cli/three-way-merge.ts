// kubectl's client-side apply merge: from the last-applied configuration (original), the new file
// (modified) and the live object (current), keep what others set, apply what the file changed and drop
// what the file no longer has. Lists of named things merge by their key, as strategic merge patch does.

type Json = null | boolean | number | string | Json[] | {[k: string]: Json}
type Obj = {[k: string]: Json}

/** patchMergeKey of the core/v1 lists users apply most (strategic merge patch metadata). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  readinessGates: 'conditionType',
  resourceClaims: 'name',
}

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Merges one map level; `field` names the list fields' merge keys. */
function mergeMap(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const out: Obj = {...current}
  for (const [k, v] of Object.entries(modified)) out[k] = mergeValue(k, original?.[k], v, current[k])
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) delete out[k]
  return out
}

function mergeValue(field: string, original: Json | undefined, modified: Json, current: Json | undefined): Json {
  if (isObj(modified) && isObj(current)) return mergeMap(isObj(original) ? original : undefined, modified, current)
  const key = MERGE_KEYS[field]
  if (key && Array.isArray(modified) && Array.isArray(current) && modified.every(isObj) && current.every(isObj)) {
    return mergeList(key, Array.isArray(original) ? original.filter(isObj) : [], modified as Obj[], current as Obj[])
  }
  return modified
}

/** A keyed list: items the file has are merged into the live ones, items it dropped are removed. */
function mergeList(key: string, original: Obj[], modified: Obj[], current: Obj[]): Json[] {
  const keyOf = (o: Obj) => JSON.stringify(o[key] ?? null)
  const dropped = new Set(original.map(keyOf).filter((k) => !modified.some((m) => keyOf(m) === k)))
  const out: Obj[] = []
  // the file's order first (strategic merge keeps the patch order), then live-only items
  for (const m of modified) {
    const live = current.find((c) => keyOf(c) === keyOf(m))
    const orig = original.find((o) => keyOf(o) === keyOf(m))
    out.push(live ? mergeMap(orig, m, live) : m)
  }
  for (const c of current) if (!modified.some((m) => keyOf(m) === keyOf(c)) && !dropped.has(keyOf(c))) out.push(c)
  return out
}

/** The object apply would write: the live object with the file's changes merged in. */
export function threeWayMerge(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  return mergeMap(original, modified, current)
}

/** Whether applying `modified` would change nothing in `current`. */
export function unchanged(merged: Obj, current: Obj): boolean {
  return equal(merged, current)
}

export type {Json, Obj}
