// Label selectors as apimachinery matches and prints them, and metav1.LabelSelector objects
// (matchLabels, matchExpressions) turned into the same form and validated. Parsing lives in
// label-selector-parse.ts and field selectors in field-selectors.ts; both are re-exported here.
import type {LabelSelector as MetaLabelSelector} from 'kubernetes-types/meta/v1.js'

import {fieldErr, type FieldError} from './errors.js'
import {byteLess, newRequirement, parseInt64, SelectorError, sortByKey, type LabelOperator, type LabelRequirement, type LabelSelector} from './label-selector-parse.js'
import {isQualifiedName, isValidLabelValue} from './validation/names.js'

export * from './field-selectors.js'
export {newRequirement, parseLabelSelector, SelectorError} from './label-selector-parse.js'
export type {LabelOperator, LabelRequirement, LabelSelector} from './label-selector-parse.js'

/** Requirement.Matches / Selector.Matches. */
export function matchLabelSelector(sel: LabelSelector, labels: Record<string, string> | null | undefined): boolean {
  if (sel.nothing) return false
  const ls = labels ?? {}
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(ls, k)
  return sel.requirements.every((r) => {
    switch (r.operator) {
      case 'in':
      case '=':
      case '==':
        return has(r.key) && r.values.includes(ls[r.key])
      case 'notin':
      case '!=':
        return !has(r.key) || !r.values.includes(ls[r.key])
      case 'exists':
        return has(r.key)
      case '!':
        return !has(r.key)
      case 'gt':
      case 'lt': {
        if (!has(r.key) || r.values.length !== 1) return false
        const lv = parseInt64(ls[r.key])
        const rv = parseInt64(r.values[0])
        if (lv === undefined || rv === undefined) return false
        return r.operator === 'gt' ? lv > rv : lv < rv
      }
    }
  })
}

const OP_TEXT: Record<LabelOperator, string> = {'=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': ''}

/** Selector.String(): `app=web,tier in (a,b),!canary`. */
export function labelSelectorString(sel: LabelSelector): string {
  return sel.requirements
    .map((r) => {
      if (r.operator === 'exists') return r.key
      if (r.operator === '!') return `!${r.key}`
      const vals = r.values.length === 1 ? r.values[0] : r.values.slice().sort(byteLess).join(',')
      return r.operator === 'in' || r.operator === 'notin' ? `${r.key}${OP_TEXT[r.operator]}(${vals})` : `${r.key}${OP_TEXT[r.operator]}${vals}`
    })
    .join(',')
}

const EXPRESSION_OPS: Record<string, LabelOperator> = {In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!'}

/** metav1.LabelSelectorAsSelector: nil matches nothing, empty matches everything. */
export function labelSelectorFromObject(ls: MetaLabelSelector | null | undefined): LabelSelector {
  if (ls === null || ls === undefined) return {requirements: [], nothing: true}
  const reqs: LabelRequirement[] = []
  for (const k of Object.keys(ls.matchLabels ?? {}).sort(byteLess)) reqs.push(newRequirement(k, '=', [ls.matchLabels![k]]))
  for (const expr of ls.matchExpressions ?? []) {
    const op = EXPRESSION_OPS[expr.operator]
    if (!op) throw new SelectorError(`"${expr.operator}" is not a valid label selector operator`)
    reqs.push(newRequirement(expr.key, op, expr.values && expr.values.length > 0 ? [...expr.values] : null))
  }
  return {requirements: sortByKey(reqs)}
}

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
