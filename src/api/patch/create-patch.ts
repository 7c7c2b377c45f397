// The strategic merge patches kubectl computes on its side (strategicpatch.CreateThreeWayMergePatch for
// client-side apply, CreateTwoWayMergePatch for edit): what the new object adds or changes, plus what it
// dropped, from the kind's patch metadata. Lists merged by a key carry `$setElementOrder/<field>` and
// `$patch: delete` items; atomic lists are sent whole.
import {sameJson} from './apply-patch.js'
import {childStruct, patchMetaOf, rootStruct, type SchemaPos} from './patch-meta.js'
import type {Json} from './merge-patch.js'

type Obj = {[k: string]: Json}

interface DiffOptions {
  ignoreDeletions: boolean
  ignoreChangesAndAdditions: boolean
}

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const kindOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

function diffMaps(from: Obj, to: Obj, pos: SchemaPos, opts: DiffOptions): Obj {
  const patch: Obj = {}
  for (const [k, toV] of Object.entries(to)) {
    if (!Object.hasOwn(from, k) || kindOf(from[k]) !== kindOf(toV)) {
      if (!opts.ignoreChangesAndAdditions) patch[k] = toV
      continue
    }
    const fromV = from[k]
    if (isObj(fromV) && isObj(toV)) {
      const sub = diffMaps(fromV, toV, childStruct(pos, k), opts)
      if (Object.keys(sub).length > 0) patch[k] = sub
    } else if (Array.isArray(fromV) && Array.isArray(toV)) {
      diffLists(patch, k, fromV, toV, pos, opts)
    } else if (!opts.ignoreChangesAndAdditions && !sameJson(fromV, toV)) {
      patch[k] = toV
    }
  }
  if (!opts.ignoreDeletions) for (const k of Object.keys(from)) if (!Object.hasOwn(to, k)) patch[k] = null
  return patch
}

function diffLists(patch: Obj, field: string, from: Json[], to: Json[], pos: SchemaPos, opts: DiffOptions): void {
  const meta = patchMetaOf(pos, field)
  if (!meta) {
    if (!opts.ignoreChangesAndAdditions && !sameJson(from, to)) patch[field] = to
    return
  }
  if (from.length === 0) {
    // nothing to merge with: the whole new list
    if (to.length > 0 && !opts.ignoreChangesAndAdditions) patch[field] = to
    return
  }
  const key = meta.key
  const id = (v: Json): string => JSON.stringify(key && isObj(v) ? (v[key] ?? null) : v)
  const fromIds = new Map(from.map((v) => [id(v), v]))
  const toIds = new Set(to.map(id))
  const changes: Json[] = []
  const deletions: Json[] = []
  for (const v of to) {
    const old = fromIds.get(id(v))
    if (old === undefined) {
      if (!opts.ignoreChangesAndAdditions) changes.push(v)
    } else if (key && isObj(old) && isObj(v)) {
      const sub = diffMaps(old, v, childStruct(pos, field), opts)
      if (Object.keys(sub).length > 0) changes.push({...sub, [key]: v[key]})
    }
  }
  if (!opts.ignoreDeletions) {
    for (const v of from) if (!toIds.has(id(v))) deletions.push(key && isObj(v) ? {[key]: v[key], $patch: 'delete'} : v)
  }
  if (key) {
    // deletions go at the end of the list; the order list comes with any change or a new order
    const items = [...changes, ...deletions]
    if (items.length > 0) patch[field] = items
    const orderSame = from.length === to.length && from.every((v, i) => id(v) === id(to[i]))
    if ((!opts.ignoreChangesAndAdditions && (items.length > 0 || !orderSame)) || (!opts.ignoreDeletions && items.length > 0)) {
      patch[`$setElementOrder/${field}`] = to.map((v) => (isObj(v) ? {[key]: v[key]} : v))
    }
    return
  }
  if (changes.length > 0) patch[field] = changes
  if (deletions.length > 0) patch[`$deleteFromPrimitiveList/${field}`] = deletions
  if ((!opts.ignoreDeletions && deletions.length > 0) || (!opts.ignoreChangesAndAdditions && !sameJson(from, to))) patch[`$setElementOrder/${field}`] = to
}

/** Merges the deletions and the changes into one patch (keyed list items by their key). */
function mergePatches(base: Obj, over: Obj, pos: SchemaPos): Obj {
  const out: Obj = {...base}
  for (const [k, v] of Object.entries(over)) {
    const b = out[k]
    const key = patchMetaOf(pos, k)?.key
    if (isObj(b) && isObj(v)) out[k] = mergePatches(b, v, childStruct(pos, k))
    else if (key && Array.isArray(b) && Array.isArray(v)) {
      const seen = new Set(v.map((x) => JSON.stringify(isObj(x) ? x[key] : x)))
      out[k] = [...v, ...b.filter((x) => !seen.has(JSON.stringify(isObj(x) ? x[key] : x)))]
    } else out[k] = v
  }
  return out
}

/** The three-way patch from the last-applied `original`, the file's `modified` and the live `current`. */
export function threeWayPatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const pos = rootStruct(modified.apiVersion, modified.kind)
  const delta = diffMaps(current, modified, pos, {ignoreDeletions: true, ignoreChangesAndAdditions: false})
  const deletions = diffMaps(original ?? {}, modified, pos, {ignoreDeletions: false, ignoreChangesAndAdditions: true})
  return mergePatches(deletions, delta, pos)
}

/** The two-way patch that turns `original` into `modified` (kubectl edit's, before any precondition). */
export function twoWayPatch(original: Obj, modified: Obj): Obj {
  const pos = rootStruct(modified.apiVersion, modified.kind)
  return diffMaps(original, modified, pos, {ignoreDeletions: false, ignoreChangesAndAdditions: false})
}
