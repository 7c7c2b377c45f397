// ConfigMap and Secret keys: `[-._a-zA-Z0-9]+`, at most 253 characters, not `.` or `..`, unique across maps.
import {fieldErr, type FieldError} from '../errors.js'
import type {KObject} from '../types.js'

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/
const KEY_DETAIL =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

/** Errors for invalid or duplicated keys in the named maps of a ConfigMap or Secret. */
export function validateDataKeys(obj: KObject, maps: string[]): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  for (const m of maps) {
    for (const key of Object.keys((obj[m] ?? {}) as object)) {
      const field = `${m}[${key}]`
      if (key.length > 253) errs.push(fieldErr.invalid(field, key, 'must be no more than 253 characters'))
      if (!CONFIG_KEY.test(key)) errs.push(fieldErr.invalid(field, key, KEY_DETAIL))
      if (key === '.') errs.push(fieldErr.invalid(field, key, "must not be '.'"))
      else if (key === '..') errs.push(fieldErr.invalid(field, key, "must not be '..'"))
      else if (key.startsWith('..')) errs.push(fieldErr.invalid(field, key, "must not start with '..'"))
      if (seen.has(key)) errs.push(fieldErr.invalid(field, key, 'duplicate of key present in ' + maps.filter((x) => x !== m).join('')))
      seen.add(key)
    }
  }
  return errs
}
