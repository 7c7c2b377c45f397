// Field errors as apimachinery's util/validation/field builds and renders them:
// `<field>: <Type>[: <value>][: <detail>]`.

import {goQuote} from './go-format.js'

export type CauseType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'InternalError'

const CAUSE_TEXT: Record<CauseType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueNotFound: 'Not found',
  InternalError: 'Internal error',
}

/** One validation failure: a field path, a type, the bad value (when shown) and a detail. */
export interface FieldError {
  type: CauseType
  field: string
  value?: unknown
  /** whether `value` is printed (Required, Forbidden and TooLong omit it) */
  hasValue?: boolean
  detail?: string
}

function renderValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  if (v === null || v === undefined) return 'null'
  return JSON.stringify(v)
}

/** Renders as field/errors.go does: `<field>: <Type>[: <value>][: <detail>]`. */
export function fieldErrorText(e: FieldError): string {
  let s = `${e.field}: ${CAUSE_TEXT[e.type]}`
  if (e.hasValue !== false && (e.value !== undefined || e.hasValue)) {
    if (e.type === 'FieldValueNotSupported' || e.type === 'FieldValueInvalid' || e.type === 'FieldValueDuplicate' || e.type === 'FieldValueNotFound') {
      s += `: ${renderValue(e.value)}`
    }
  }
  if (e.detail) s += `: ${e.detail}`
  return s
}

export const fieldErr = {
  required: (field: string, detail = ''): FieldError => ({type: 'FieldValueRequired', field, detail, hasValue: false}),
  invalid: (field: string, value: unknown, detail = ''): FieldError => ({type: 'FieldValueInvalid', field, value, detail, hasValue: true}),
  notSupported: (field: string, value: unknown, valid: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    value,
    hasValue: true,
    detail: valid.length > 0 ? `supported values: ${valid.map((v) => goQuote(v)).join(', ')}` : '',
  }),
  forbidden: (field: string, detail: string): FieldError => ({type: 'FieldValueForbidden', field, detail, hasValue: false}),
  tooLong: (field: string, max: number, unit = 'bytes'): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    hasValue: false,
    detail: `may not be more than ${max} ${unit}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({type: 'FieldValueDuplicate', field, value, hasValue: true}),
  notFound: (field: string, value: unknown): FieldError => ({type: 'FieldValueNotFound', field, value, hasValue: true}),
}
