// The 1 MiB cap on what a ConfigMap or Secret holds (core.MaxSecretSize): ValidateConfigMap sums the
// bytes of data's values and binaryData's decoded values and reports the whole object (path "[]");
// ValidateSecret sums data's decoded values and reports `data`.
import {fieldErr, type FieldError} from '../errors.js'
import type {KObject} from '../types.js'

/** core.MaxSecretSize */
export const MAX_DATA_SIZE = 1024 * 1024

// the decoded length of base64 text (invalid text is reported by its own check)
function base64Bytes(v: unknown): number {
  if (typeof v !== 'string') return 0
  const pad = v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((v.length * 3) / 4) - pad)
}

function mapOf(obj: KObject, field: string): Record<string, unknown> {
  const m = obj[field]
  return m && typeof m === 'object' ? (m as Record<string, unknown>) : {}
}

export function validateConfigMapSize(obj: KObject): FieldError[] {
  let total = 0
  for (const v of Object.values(mapOf(obj, 'data'))) total += typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : 0
  for (const v of Object.values(mapOf(obj, 'binaryData'))) total += base64Bytes(v)
  return total > MAX_DATA_SIZE ? [fieldErr.tooLong('[]', MAX_DATA_SIZE)] : []
}

export function validateSecretSize(obj: KObject): FieldError[] {
  let total = 0
  for (const v of Object.values(mapOf(obj, 'data'))) total += base64Bytes(v)
  return total > MAX_DATA_SIZE ? [fieldErr.tooLong('data', MAX_DATA_SIZE)] : []
}
