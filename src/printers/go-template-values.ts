// The values a kubectl go-template sees: the object as encoding/json decodes it into interface{} (every
// number a float64, null a nil interface), plus the template's own int literals and builtins' results.
import {goFloatV, goSprintComposite, sortedKeys} from '../machinery/go-format.js'

/**
 * A Go int: template integer literals, len, range indexes. Numbers of the object are plain JS numbers:
 * whole ones are int64 (kubectl decodes objects as unstructured), others float64.
 */
export class GoInt {
  constructor(readonly value: number) {}
}

/** A template float literal (`1.5`, `30.0`): a float64 even when whole. */
export class GoFloat64 {
  constructor(readonly value: number) {}
}

export type NumKind = 'int' | 'float' | undefined

/** Whether a value is one of Go's integer (int, int64) or float kinds. */
export function numKind(v: TValue): NumKind {
  if (v instanceof GoInt) return 'int'
  if (v instanceof GoFloat64) return 'float'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  return undefined
}

export function numValue(v: TValue): number {
  return v instanceof GoInt || v instanceof GoFloat64 ? v.value : (v as number)
}

/** A missing map entry or nil data: Go's invalid reflect.Value, printed `<no value>`. */
export const MISSING: unique symbol = Symbol('missing')

export type TValue = unknown

export class ExecError extends Error {
  override name = 'ExecError'
}

export function isMap(v: TValue): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoInt) && !(v instanceof GoFloat64)
}

/** The Go type name of a value, as reflect prints it in errors. */
export function typeName(v: TValue): string {
  if (v === MISSING) return '<nil>'
  if (v === null || v === undefined) return 'interface {}'
  if (v instanceof GoInt) return 'int'
  if (v instanceof GoFloat64) return 'float64'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return '[]interface {}'
  return 'map[string]interface {}'
}

/** fmt's %v of a value. */
export function sprintV(v: TValue): string {
  if (v === MISSING) return '<no value>'
  if (v === null || v === undefined) return '<nil>'
  if (v instanceof GoInt) return String(v.value)
  if (v instanceof GoFloat64) return goFloatV(v.value)
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloatV(v)
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  return goSprintComposite(v, (x) => sprintV(x as TValue))
}

/** Go's truth: false, 0, nil, an empty string, map or slice (and a missing value) are false. */
export function isTrue(v: TValue): boolean {
  if (v === MISSING || v === null || v === undefined) return false
  if (v instanceof GoInt || v instanceof GoFloat64) return v.value !== 0
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'string') return v.length > 0
  if (typeof v === 'boolean') return v
  if (Array.isArray(v)) return v.length > 0
  return Object.keys(v as object).length > 0
}

/** fmt.Sprint: spaces only between operands when neither is a string. */
export function sprint(args: TValue[]): string {
  let out = ''
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' '
    out += a === MISSING ? '<nil>' : sprintV(a)
  })
  return out
}

/** fmt's %s of a value: strings bare, other scalars as `%!s(int64=80)`, containers element by element. */
export function sprintS(v: TValue): string {
  if (typeof v === 'string') return v
  if (v === MISSING || v === null || v === undefined) return '%!s(<nil>)'
  if (Array.isArray(v)) return `[${v.map(sprintS).join(' ')}]`
  if (isMap(v)) {
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${sprintS(v[k])}`)
      .join(' ')}]`
  }
  return `%!s(${typeName(v)}=${sprintV(v)})`
}
