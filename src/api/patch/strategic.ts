// Strategic merge patch (k8s.io/apimachinery strategicpatch, as the API server applies
// `application/strategic-merge-patch+json`): maps merge, null deletes, lists tagged `merge` in
// patch-meta.ts merge by their key (objects) or by value (scalars), other lists are replaced; the
// directives `$patch` (replace, delete), `$retainKeys`, `$deleteFromPrimitiveList/<f>` and
// `$setElementOrder/<f>` are honoured, and items keep the server's order around the patch's.
import {goSprint} from '../../machinery/go-format.js'
import type {Json} from './merge-patch.js'
import {childStruct, patchMetaOf, type PatchMeta, type SchemaPos} from './patch-meta.js'

type Obj = {[k: string]: Json}

/** A patch the engine refused; `status` is how the API server reports it (see interpretStrategicMergePatchError). */
export class StrategicPatchError extends Error {
  override name = 'StrategicPatchError'
  constructor(
    message: string,
    readonly status: 'BadRequest' | 'Unknown',
  ) {
    super(message)
  }
}

const DIRECTIVE = '$patch'
const RETAIN_KEYS = '$retainKeys'
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/'
const SET_ORDER = '$setElementOrder/'

const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const kindOf = (v: Json): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)
const same = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Applies `patch` to `original` (not modified) for the struct at `pos` (see rootStruct). */
export function strategicMergePatch(original: Obj, patch: Obj, pos: SchemaPos): Obj {
  return mergeMap(structuredClone(original), patch, pos)
}

function mergeMap(orig: Obj, patch: Obj, pos: SchemaPos): Obj {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const d = patch[DIRECTIVE]
    if (d === 'delete') return {}
    if (d !== 'replace') throw new StrategicPatchError(`unknown patch type: ${goSprint(d)} in map: ${goSprint(patch)}`, 'Unknown')
    const {[DIRECTIVE]: _, ...rest} = patch
    return rest
  }
  if (Object.hasOwn(patch, RETAIN_KEYS)) {
    const keep = patch[RETAIN_KEYS]
    if (!Array.isArray(keep)) throw new StrategicPatchError('invalid patch format of retainKeys', 'BadRequest')
    for (const k of Object.keys(orig)) if (!keep.includes(k)) delete orig[k]
  }
  const orders: [string, Json][] = []
  const serverLists = new Map<string, Json>()
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length)
      if (!Array.isArray(v)) throw new StrategicPatchError('invalid patch format of primitive list', 'BadRequest')
      const cur = orig[field]
      if (Array.isArray(cur)) orig[field] = cur.filter((x) => !v.some((d) => same(d, x)))
    } else if (k.startsWith(SET_ORDER)) {
      if (!Array.isArray(v)) throw new StrategicPatchError('invalid patch format of setElementOrder list', 'BadRequest')
      const field = k.slice(SET_ORDER.length)
      orders.push([field, v])
      serverLists.set(field, orig[field] ?? null)
    }
  }
  for (const [k, pv] of Object.entries(patch)) {
    if (k === RETAIN_KEYS || k.startsWith(DELETE_PRIMITIVE) || k.startsWith(SET_ORDER)) continue
    const child = childStruct(pos, k)
    if (pv === null || (isMap(pv) && pv[DIRECTIVE] === 'delete')) {
      delete orig[k]
      continue
    }
    const ov = orig[k]
    if (ov === undefined || ov === null) orig[k] = fresh(pv, child, patchMetaOf(pos, k))
    else if (kindOf(ov) !== kindOf(pv)) orig[k] = fresh(pv, child, undefined)
    else if (isMap(ov)) orig[k] = mergeMap(ov, pv as Obj, child)
    else if (Array.isArray(ov)) {
      const meta = patchMetaOf(pos, k)
      orig[k] = meta ? mergeList(ov, pv as Json[], meta, child) : fresh(pv, child, undefined)
    } else orig[k] = pv
  }
  for (const [field, order] of orders) {
    const merged = orig[field]
    if (!Array.isArray(merged)) continue
    const server = serverLists.get(field)
    orig[field] = setOrder(merged, order as Json[], Array.isArray(server) ? server : [], patchMetaOf(pos, field)?.key)
  }
  return orig
}

/** A value the patch brings where the object had none: its directives applied to nothing, nulls dropped. */
function fresh(pv: Json, pos: SchemaPos, meta: PatchMeta | undefined): Json {
  if (isMap(pv)) return mergeMap({}, pv, pos)
  if (Array.isArray(pv)) return meta ? mergeList([], pv, meta, pos) : pv.map((x) => (isMap(x) ? mergeMap({}, x, pos) : x))
  return pv
}

function mergeList(orig: Json[], patch: Json[], meta: PatchMeta, pos: SchemaPos): Json[] {
  if (orig.length === 0 && patch.length === 0) return orig
  const objects = [...patch, ...orig].some(isMap)
  if (!objects) {
    const merged: Json[] = []
    for (const x of [...orig, ...patch]) if (!merged.some((m) => same(m, x))) merged.push(x)
    return order(merged, patch, orig, undefined)
  }
  const key = meta.key
  if (!key) throw new StrategicPatchError('cannot merge lists without merge key', 'Unknown')
  let base = orig.filter(isMap).map((o) => o)
  const items: Obj[] = []
  for (const item of patch) {
    if (!isMap(item)) continue
    if (!Object.hasOwn(item, DIRECTIVE)) {
      items.push(item)
      continue
    }
    const d = item[DIRECTIVE]
    if (d === 'delete') {
      if (!Object.hasOwn(item, key)) throw noMergeKey(item, key)
      base = base.filter((o) => !same(o[key], item[key]))
    } else if (d === 'replace') base = []
    else if (d === 'merge') throw new StrategicPatchError('merging lists cannot yet be specified in the patch', 'Unknown')
    else throw new StrategicPatchError(`unknown patch type: ${goSprint(d)} in map: ${goSprint(item)}`, 'Unknown')
  }
  if (patch.some((i) => isMap(i) && i[DIRECTIVE] === 'replace')) return items.map((i) => mergeMap({}, i, pos))
  const merged: Json[] = [...base]
  for (const item of items) {
    if (!Object.hasOwn(item, key)) throw noMergeKey(item, key)
    const at = merged.findIndex((o) => isMap(o) && same(o[key], item[key]))
    if (at >= 0) merged[at] = mergeMap(merged[at] as Obj, item, pos)
    else merged.push(mergeMap({}, item, pos))
  }
  return order(merged, items, orig, key)
}

function noMergeKey(item: Obj, key: string): StrategicPatchError {
  return new StrategicPatchError(`map: ${goSprint(item)} does not contain declared merge key: ${key}`, 'Unknown')
}

/** Where `item` is in `list` (by merge key for objects, by value for scalars); -1 if absent. */
function indexIn(list: Json[], item: Json, key: string | undefined): number {
  if (key === undefined) return list.findIndex((x) => same(x, item))
  return list.findIndex((x) => isMap(x) && isMap(item) && same(x[key], item[key]))
}

/** normalizeElementOrder: patch items in the patch's order, server-only items where the server had them. */
function order(merged: Json[], patchOrder: Json[], serverOrder: Json[], key: string | undefined): Json[] {
  const inPatch = merged.filter((m) => indexIn(patchOrder, m, key) >= 0)
  const serverOnly = merged.filter((m) => indexIn(patchOrder, m, key) < 0)
  const sortBy = (xs: Json[], by: Json[]) => xs.map((x, i) => ({x, i, at: indexIn(by, x, key)})).sort((a, b) => a.at - b.at || a.i - b.i).map((e) => e.x)
  const left = sortBy(serverOnly, serverOrder)
  const right = sortBy(inPatch, patchOrder)
  const out: Json[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (j >= right.length) out.push(left[i++])
    else if (i >= left.length) out.push(right[j++])
    else {
      const li = indexIn(serverOrder, left[i], key)
      const ri = indexIn(serverOrder, right[j], key)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

/** `$setElementOrder/<field>`: the listed items in the listed order, the others where the server had them. */
function setOrder(merged: Json[], wanted: Json[], server: Json[], key: string | undefined): Json[] {
  return order(merged, wanted, server, key)
}
