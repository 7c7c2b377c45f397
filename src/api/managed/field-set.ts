// Field sets as structured-merge-diff computes them: the paths of an object (ToFieldSet), the paths two
// versions differ in (Compare: added, modified, removed), and their FieldsV1 form (`f:` fields, `k:`
// list keys, `v:` set values, `i:` indexes, `.` for the node itself). A set is a flat Set of paths; a path
// is its elements joined by SEP.
import {isMap, sameJson} from '../patch/apply-patch.js'
import {childShape, KEY_DEFAULTS, type Shape} from './shape.js'

export type FieldSet = Set<string>
type Obj = Record<string, unknown>

export const SEP = '\u0001'

export function join(path: string, element: string): string {
  return path === '' ? element : path + SEP + element
}

/** The element naming `item` of a list with shape `list`: `k:{"name":"x"}`, `v:"x"`, or its index. */
export function itemElement(list: Shape & {kind: 'list'}, item: unknown, index: number): string {
  if (list.set) return `v:${JSON.stringify(item)}`
  if (!list.keys || !isMap(item)) return `i:${index}`
  const key: Obj = {}
  for (const k of [...list.keys].sort()) {
    const v = item[k] ?? KEY_DEFAULTS[k]
    if (v !== undefined) key[k] = v
  }
  return `k:${JSON.stringify(key)}`
}

function atomic(shape: Shape): boolean {
  return shape.kind === 'atomic' || shape.kind === 'leaf'
}

/** ToFieldSet: every path an applied configuration sets (its leaves, list items, granular map keys, empty maps). */
export function toFieldSet(value: unknown, shape: Shape, path = '', out: FieldSet = new Set()): FieldSet {
  if (atomic(shape) || (shape.kind === 'deduced' && !isMap(value))) {
    out.add(path)
  } else if (shape.kind === 'list') {
    if (!Array.isArray(value)) return out
    value.forEach((item, i) => {
      const p = join(path, itemElement(shape, item, i))
      toFieldSet(item, shape.elem, p, out)
      out.add(p)
    })
  } else if (isMap(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue
      const {shape: s, member} = childShape(shape, k)
      const p = join(path, `f:${k}`)
      toFieldSet(v, s, p, out)
      if (member || v === null || (isMap(v) && Object.keys(v).length === 0)) out.add(p)
    }
  }
  return out
}

/** What changed between two versions of an object, path by path. */
export interface Comparison {
  added: FieldSet
  modified: FieldSet
  removed: FieldSet
}

function leaf(lhs: unknown, rhs: unknown, path: string, c: Comparison): void {
  if (lhs === undefined) c.added.add(path)
  else if (rhs === undefined) c.removed.add(path)
  else if (!sameJson(lhs, rhs)) c.modified.add(path)
}

function afterItem(lhs: unknown, rhs: unknown, path: string, c: Comparison): void {
  if (lhs === undefined) c.added.add(path)
  else if (rhs === undefined) c.removed.add(path)
}

const emptyish = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0)

function compareList(shape: Shape & {kind: 'list'}, lhs: unknown, rhs: unknown, path: string, c: Comparison): void {
  const items = new Map<string, [unknown, unknown]>()
  if (Array.isArray(lhs)) lhs.forEach((x, i) => items.set(itemElement(shape, x, i), [x, undefined]))
  if (Array.isArray(rhs)) rhs.forEach((x, i) => {
    const e = itemElement(shape, x, i)
    items.set(e, [items.get(e)?.[0], x])
  })
  for (const [e, [l, r]] of items) {
    const p = join(path, e)
    walk(shape.elem, l, r, p, c)
    afterItem(l, r, p, c)
  }
}

function walk(shape: Shape, lhs: unknown, rhs: unknown, path: string, c: Comparison): void {
  if (atomic(shape) || (emptyish(lhs) && emptyish(rhs))) return leaf(lhs, rhs, path, c)
  if (shape.kind === 'list') {
    if (!Array.isArray(lhs ?? []) || !Array.isArray(rhs ?? [])) return leaf(lhs, rhs, path, c)
    return compareList(shape, lhs, rhs, path, c)
  }
  const l = isMap(lhs) ? lhs : undefined
  const r = isMap(rhs) ? rhs : undefined
  if ((lhs !== undefined && lhs !== null && !l) || (rhs !== undefined && rhs !== null && !r)) return leaf(lhs, rhs, path, c)
  const keys = new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})])
  for (const k of keys) {
    const p = join(path, `f:${k}`)
    const lv = l?.[k]
    const rv = r?.[k]
    // managedFields are never fields of anyone
    if ((lv === undefined && rv === undefined) || (k === 'managedFields' && path === 'f:metadata')) continue
    walk(childShape(shape, k).shape, lv, rv, p, c)
    afterItem(lv, rv, p, c)
  }
}

/** Compare: the paths `after` added, changed and removed against `before` (undefined: absent). */
export function compare(before: unknown, after: unknown, shape: Shape, path = ''): Comparison {
  const c: Comparison = {added: new Set(), modified: new Set(), removed: new Set()}
  walk(shape, before, after, path, c)
  return c
}

export function union(...sets: FieldSet[]): FieldSet {
  const out = new Set<string>()
  for (const s of sets) for (const p of s) out.add(p)
  return out
}

export function difference(a: FieldSet, b: FieldSet): FieldSet {
  const out = new Set<string>()
  for (const p of a) if (!b.has(p)) out.add(p)
  return out
}

export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  const out = new Set<string>()
  for (const p of a) if (b.has(p)) out.add(p)
  return out
}

/** The set as FieldsV1 JSON: nested objects keyed by element, `.` marking a node that is itself a member. */
export function toFieldsV1(set: FieldSet): Obj {
  const root: Obj = {}
  const members = new Set<Obj>()
  for (const p of [...set].sort()) {
    let node = root
    for (const e of p.split(SEP)) node = (node[e] ??= {}) as Obj
    members.add(node)
  }
  const emit = (node: Obj): Obj => {
    const keys = Object.keys(node).sort()
    const out: Obj = members.has(node) && keys.length > 0 ? {'.': {}} : {}
    for (const k of keys) out[k] = emit(node[k] as Obj)
    return out
  }
  return emit(root)
}

/** A FieldsV1 value back as a set. */
export function fromFieldsV1(v: unknown, path = '', out: FieldSet = new Set()): FieldSet {
  if (!isMap(v)) return out
  for (const [k, child] of Object.entries(v)) {
    if (k === '.') out.add(path)
    else if (isMap(child) && Object.keys(child).length > 0) fromFieldsV1(child, join(path, k), out)
    else out.add(join(path, k))
  }
  return out
}

/** fieldpath.Path's String(): `.spec.containers[name="x"].image`, `[=value]`, `[0]`. */
export function pathString(path: string): string {
  return path.split(SEP).map((e) => {
    const body = e.slice(2)
    if (e.startsWith('f:')) return `.${body}`
    if (e.startsWith('v:')) return `[=${body}]`
    if (e.startsWith('i:')) return `[${body}]`
    const key = JSON.parse(body) as Obj
    return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`
  }).join('')
}
