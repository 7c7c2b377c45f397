// ConfigMaps and Secrets marked `immutable: true`: once stored, neither the mark nor the data may change
// (ValidateConfigMapUpdate / ValidateSecretUpdate).
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'

const DETAIL = 'field is immutable when `immutable` is set'

// map equality as reflect.DeepEqual sees stored maps: an empty map and no map both store as absent
function sameMap(a: unknown, b: unknown): boolean {
  const canon = (m: unknown) => JSON.stringify(Object.entries((m ?? {}) as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
  return canon(a) === canon(b)
}

/** The errors for an update of an object that was stored with `immutable: true` (none otherwise). */
export function validateImmutableData(obj: KObject, old: KObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return []
  const errs: FieldError[] = []
  if (obj.immutable !== true) errs.push(fieldErr.forbidden('immutable', DETAIL))
  for (const f of fields) if (!sameMap(obj[f], old[f])) errs.push(fieldErr.forbidden(f, DETAIL))
  return errs
}
