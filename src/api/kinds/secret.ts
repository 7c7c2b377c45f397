// Secret: namespaced, base64 `data` (stringData folded in on write), type defaults to Opaque.
import type {KObject} from '../types.js'

import {fieldErr} from '../errors.js'
import {register} from '../registry.js'
import {validateDataKeys} from '../validation/data-keys.js'
import {validateSecretSize} from '../validation/data-size.js'
import {validateImmutableData} from '../validation/immutable-data.js'

function foldStringData(obj: KObject): void {
  const stringData = obj.stringData as Record<string, string> | undefined
  if (!stringData) return
  const data = {...(obj.data as Record<string, string> | undefined)}
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64')
  obj.data = data
  delete obj.stringData
}

function validateBase64(obj: KObject) {
  const errs = validateDataKeys(obj, ['data'])
  for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) {
      errs.push(fieldErr.invalid(`data[${k}]`, '<secret contents redacted>', 'illegal base64 data'))
    }
  }
  errs.push(...validateSecretSize(obj))
  return errs
}

export const secretType = register({
  kind: 'Secret',
  group: '',
  version: 'v1',
  plural: 'secrets',
  singular: 'secret',
  shortNames: [],
  namespaced: true,
  categories: [],
  strategy: {
    default(obj: KObject) {
      foldStringData(obj)
      if (!obj.type) obj.type = 'Opaque'
    },
    validate: validateBase64,
    validateUpdate(obj: KObject, old: KObject) {
      const errs: ReturnType<typeof validateBase64> = []
      if (obj.type !== old.type) errs.push(fieldErr.invalid('type', obj.type, 'field is immutable'))
      return [...errs, ...validateImmutableData(obj, old, ['data']), ...validateBase64(obj)]
    },
  },
})
