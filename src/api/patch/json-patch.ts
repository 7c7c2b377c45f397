// RFC 6902 JSON patch as evanphx/json-patch (v4) applies it for kubectl and the API server: add, remove,
// replace, move, copy, test, with that library's error texts (kubectl --local prints them; the API
// server replaces them with a generic 422).
import type {Json} from './merge-patch.js'

/** A patch operation that could not be applied; `message` is the library's text. */
export class JsonPatchError extends Error {
  override name = 'JsonPatchError'
}

type Container = Json[] | {[k: string]: Json}
const MISSING = 'missing value'
const BAD_INDEX = 'invalid index referenced'

const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

function unescape(part: string): string {
  return part.replaceAll('~1', '/').replaceAll('~0', '~')
}

/** The container holding the last part of `path`, and that part; undefined when the parents are missing. */
function findParent(doc: {root: Json}, path: string): {con: Container; key: string} | undefined {
  const parts = path.split('/').slice(1).map(unescape)
  if (parts.length === 0) return undefined
  let cur: Json = doc.root
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(part)
      if (!/^-?\d+$/.test(part) || i >= cur.length || i < -cur.length) return undefined
      cur = cur[i < 0 ? i + cur.length : i]
    } else if (isMap(cur)) {
      if (!Object.hasOwn(cur, part) || cur[part] === null) return undefined
      cur = cur[part]
    } else return undefined
  }
  if (!Array.isArray(cur) && !isMap(cur)) return undefined
  return {con: cur, key: parts.at(-1)!}
}

function arrayIndex(arr: Json[], key: string, forAdd: boolean): number {
  const max = forAdd ? arr.length : arr.length - 1
  const i = Number(key)
  if (!/^-?\d+$/.test(key) || i > max || i < -arr.length) throw new JsonPatchError(`Unable to access invalid index: ${key}: ${BAD_INDEX}`)
  return i < 0 ? i + arr.length : i
}

function get(con: Container, key: string): Json | undefined {
  if (Array.isArray(con)) return con[arrayIndex(con, key, false)]
  return Object.hasOwn(con, key) ? con[key] : undefined
}

function add(con: Container, key: string, value: Json): void {
  if (!Array.isArray(con)) con[key] = value
  else if (key === '-') con.push(value)
  else con.splice(arrayIndex(con, key, true), 0, value)
}

function remove(con: Container, key: string): Json {
  if (Array.isArray(con)) return con.splice(arrayIndex(con, key, false), 1)[0]
  if (!Object.hasOwn(con, key)) throw new JsonPatchError(`Unable to remove nonexistent key: ${key}: ${MISSING}`)
  const v = con[key]
  delete con[key]
  return v
}

function wrap<T>(prefix: string, f: () => T): T {
  try {
    return f()
  } catch (error) {
    if (error instanceof JsonPatchError) throw new JsonPatchError(`${prefix}: ${error.message}`)
    throw error
  }
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]))
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
  }
  return a === b
}

/** Parses a JSON patch document as DecodePatch does; the message is Go's unmarshal error. */
export function decodeJsonPatch(patch: Json): Record<string, Json>[] {
  if (!Array.isArray(patch)) throw new JsonPatchError(`json: cannot unmarshal ${patch === null ? 'null' : isMap(patch) ? 'object' : typeof patch} into Go value of type jsonpatch.Patch`)
  for (const op of patch) if (!isMap(op)) throw new JsonPatchError(`json: cannot unmarshal ${Array.isArray(op) ? 'array' : typeof op} into Go value of type jsonpatch.Operation`)
  return patch as Record<string, Json>[]
}

/** Applies the operations in order to a copy of `doc`; throws JsonPatchError at the first that fails. */
export function applyJsonPatch(doc: Json, ops: Record<string, Json>[]): Json {
  const box = {root: structuredClone(doc)}
  for (const op of ops) {
    const kind = typeof op.op === 'string' ? op.op : 'unknown'
    const pathOf = (field: 'path' | 'from') => {
      if (typeof op[field] !== 'string') throw new JsonPatchError(`${kind} operation failed to decode ${field}: ${MISSING}`)
      return op[field] as string
    }
    const value = (op.value ?? null) as Json
    switch (kind) {
      case 'add': {
        const path = pathOf('path')
        const p = findParent(box, path)
        if (!p) throw new JsonPatchError(`add operation does not apply: doc is missing path: ${JSON.stringify(path)}: ${MISSING}`)
        wrap(`error in add for path: '${path}'`, () => add(p.con, p.key, structuredClone(value)))
        break
      }
      case 'remove': {
        const path = pathOf('path')
        const p = findParent(box, path)
        if (!p) throw new JsonPatchError(`remove operation does not apply: doc is missing path: ${JSON.stringify(path)}: ${MISSING}`)
        wrap(`error in remove for path: '${path}'`, () => remove(p.con, p.key))
        break
      }
      case 'replace': {
        const path = pathOf('path')
        const p = findParent(box, path)
        if (!p) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`)
        wrap(`error in remove for path: '${path}'`, () => {
          if (Array.isArray(p.con)) p.con[arrayIndex(p.con, p.key, false)] = structuredClone(value)
          else p.con[p.key] = structuredClone(value)
        })
        break
      }
      case 'move':
      case 'copy': {
        const from = pathOf('from')
        const f = findParent(box, from)
        if (!f) throw new JsonPatchError(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`)
        const val = kind === 'move' ? wrap(`error in move for path: '${f.key}'`, () => remove(f.con, f.key)) : wrap(`error in copy for from: '${from}'`, () => get(f.con, f.key))
        if (val === undefined) throw new JsonPatchError(`error in copy for from: '${from}': ${MISSING}`)
        const path = pathOf('path')
        const t = findParent(box, path)
        if (!t) throw new JsonPatchError(`${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`)
        wrap(`error in ${kind} for path: '${t.key}'`, () => add(t.con, t.key, structuredClone(val)))
        break
      }
      case 'test': {
        const path = pathOf('path')
        const p = path === '' ? {con: [box.root], key: '0'} : findParent(box, path)
        if (!p) throw new JsonPatchError(`test operation does not apply: is missing path: ${path}: ${MISSING}`)
        let actual: Json | undefined
        try {
          actual = get(p.con, p.key)
        } catch {
          actual = undefined
        }
        const ok = actual === undefined || actual === null ? op.value === undefined || op.value === null : equal(actual, value)
        if (!ok) throw new JsonPatchError(`testing value ${path} failed: test failed`)
        break
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`)
    }
  }
  return box.root
}
