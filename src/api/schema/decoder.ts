// Walks a request body against the schema the way kube-apiserver's JSON decoder (sigs.k8s.io/json,
// as apimachinery's strict serializer uses it) walks it into the typed Go struct: keys in the order
// kubectl's encoder sends them (sorted), unknown fields collected with their full path, the first
// type mismatch kept, and custom unmarshalers (Quantity, Time, IntOrString) failing at once.
import {quantityError} from '../../machinery/quantity.js'
import {goBase64Error} from './go-base64.js'
import {RFC3339, RFC3339_MICRO, goTimeParseError} from './go-time.js'
import {goElemType, type Schema} from './schema.js'
import type {ResolvedStruct, TypeExpr} from './types.js'

/** The decoder's position: the Go struct being filled, the JSON field names from the root, the strict path. */
interface Ctx {
  struct: string
  stack: string[]
  path: string
}

/** An error that ends decoding at once (an unmarshaler's error). */
class Fatal {
  constructor(readonly message: string) {}
}

/** The strict decoder keeps at most this many unknown/duplicate field errors. */
const MAX_STRICT_ERRORS = 100
const INT_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
}

/** Go sorts map keys by their UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function goKeyOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!
  return a.length - b.length
}

/** How encoding/json names a JSON value's kind in a type error. */
function jsonKind(v: unknown): string {
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return typeof v === 'object' ? 'object' : typeof v
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Walks one object; collects unknown field paths and the decode error, optionally removing unknown fields. */
export class FieldDecoder {
  readonly unknown: string[] = []
  private saved: string | undefined

  constructor(
    private readonly schema: Schema,
    private readonly prune: boolean,
  ) {}

  /** Decodes `obj` into the struct `id`; returns the error the decode ends with, if any. */
  decode(obj: unknown, id: string): string | undefined {
    try {
      this.walk(obj, {ref: id}, `v1.${id.slice(id.lastIndexOf('.') + 1)}`, {struct: '', stack: [], path: ''})
    } catch (error) {
      if (error instanceof Fatal) return error.message
      throw error
    }
    return this.saved
  }

  private typeError(value: string, go: string, ctx: Ctx): string {
    if (!ctx.struct && ctx.stack.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${go}`
    return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.stack.join('.')} of type ${go}`
  }

  /** Records the first non-fatal error; decoding goes on. */
  private save(message: string): void {
    this.saved ??= message
  }

  private walk(v: unknown, t: TypeExpr, go: string, ctx: Ctx): void {
    if (v === null || v === undefined) return
    if (typeof t === 'object') {
      if ('ref' in t) {
        const s = this.schema.structs.get(t.ref)!
        if (isObject(v)) this.walkStruct(v, s, ctx)
        else this.save(this.typeError(jsonKind(v), go, ctx))
      } else if ('array' in t) {
        if (!Array.isArray(v)) return this.save(this.typeError(jsonKind(v), go, ctx))
        const elem = goElemType(go)
        v.forEach((item, i) => this.walk(item, t.array, elem, {...ctx, path: `${ctx.path}[${i}]`}))
      } else {
        if (!isObject(v)) return this.save(this.typeError(jsonKind(v), go, ctx))
        const elem = goElemType(go)
        for (const k of Object.keys(v).sort(goKeyOrder)) this.walk(v[k], t.map, elem, {...ctx, path: `${ctx.path}.${k}`})
      }
      return
    }
    switch (t) {
      case 'string':
        if (typeof v !== 'string') this.save(this.typeError(jsonKind(v), go, ctx))
        return
      case 'boolean':
        if (typeof v !== 'boolean') this.save(this.typeError(jsonKind(v), go, ctx))
        return
      case 'number': {
        const bad = this.intProblem(v, go)
        if (bad) this.save(this.typeError(bad, go, ctx))
        return
      }
      case 'int-or-string': {
        const bad = typeof v === 'string' ? undefined : this.intProblem(v, 'int32')
        if (bad) throw new Fatal(this.typeError(bad, 'int32', ctx))
        return
      }
      case 'quantity': {
        const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v)
        const bad = quantityError(text)
        if (bad) throw new Fatal(bad)
        return
      }
      case 'time':
      case 'micro-time': {
        if (typeof v !== 'string') throw new Fatal(this.typeError(jsonKind(v), 'string', ctx))
        const bad = goTimeParseError(t === 'time' ? RFC3339 : RFC3339_MICRO, v)
        if (bad) throw new Fatal(bad)
        return
      }
      case 'bytes':
        if (typeof v === 'string') {
          const bad = goBase64Error(v)
          if (bad) this.save(bad)
        } else if (Array.isArray(v)) v.forEach((b) => this.walk(b, 'number', 'uint8', ctx))
        else this.save(this.typeError(jsonKind(v), go, ctx))
        return
      case 'any':
        return
    }
  }

  /** Why a JSON value is not an integer of Go type `go` (`number 1.5`, `string`), or undefined. */
  private intProblem(v: unknown, go: string): string | undefined {
    if (typeof v !== 'number') return jsonKind(v)
    const text = String(v)
    const [lo, hi] = INT_RANGES[go] ?? INT_RANGES.int32
    if (!/^-?\d+$/.test(text) || BigInt(text) < lo || BigInt(text) > hi) return `number ${text}`
    return undefined
  }

  private walkStruct(obj: Record<string, unknown>, s: ResolvedStruct, ctx: Ctx): void {
    for (const key of Object.keys(obj).sort(goKeyOrder)) {
      const path = ctx.path ? `${ctx.path}.${key}` : key
      const f = s.fields.get(key)
      if (!f) {
        if (this.unknown.length < MAX_STRICT_ERRORS && !this.unknown.includes(path)) this.unknown.push(path)
        if (this.prune) delete obj[key]
        continue
      }
      this.walk(obj[key], f.type, f.go, {struct: s.name, stack: [...ctx.stack, key], path})
    }
  }
}
