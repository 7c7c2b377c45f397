// metav1.LabelSelector inside an object, validated as meta/v1/validation does.
import type {LabelSelector as MetaLabelSelector} from 'kubernetes-types/meta/v1.js'

import {byteLess} from '../../machinery/label-selector.js'
import {isQualifiedName, isValidLabelValue} from '../../machinery/names.js'
import {fieldErr, type FieldError} from '../errors.js'

/** ValidateLabelSelector (meta/v1/validation): the field errors of a selector in an object at `path`. */
export function validateLabelSelector(ls: MetaLabelSelector | null | undefined, path: string): FieldError[] {
  if (!ls) return []
  const errs: FieldError[] = []
  const labels = ls.matchLabels ?? {}
  for (const k of Object.keys(labels).sort(byteLess)) {
    for (const msg of isQualifiedName(k)) errs.push(fieldErr.invalid(`${path}.matchLabels`, k, msg))
    for (const msg of isValidLabelValue(labels[k])) errs.push(fieldErr.invalid(`${path}.matchLabels`, labels[k], msg))
  }
  ;(ls.matchExpressions ?? []).forEach((expr, i) => {
    const at = `${path}.matchExpressions[${i}]`
    const values = expr.values ?? []
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) errs.push(fieldErr.required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(fieldErr.forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
    } else errs.push(fieldErr.invalid(`${at}.operator`, expr.operator, 'not a valid selector operator'))
    for (const msg of isQualifiedName(expr.key)) errs.push(fieldErr.invalid(`${at}.key`, expr.key, msg))
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(fieldErr.invalid(`${at}.values[${j}]`, v, msg))
    })
  })
  return errs
}
