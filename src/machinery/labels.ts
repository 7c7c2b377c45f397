// Label selectors as apimachinery's labels package matches and prints them, and metav1.LabelSelector
// objects (matchLabels, matchExpressions) turned into the same form. Parsing is label-selector.ts.
import type {LabelSelector as MetaLabelSelector} from 'kubernetes-types/meta/v1.js'

import {byteLess, newRequirement, parseInt64, SelectorError, sortByKey, type LabelOperator, type LabelRequirement, type LabelSelector} from './label-selector.js'

export {newRequirement, parseLabelSelector, SelectorError} from './label-selector.js'
export type {LabelOperator, LabelRequirement, LabelSelector} from './label-selector.js'

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

/**
 * LabelSelectorAsSelector(ls).String() as kubectl's printers show a stored object's selector ('' when
 * empty or absent): the requirements sorted by key, without validating them again.
 */
export function selectorString(ls: MetaLabelSelector | null | undefined): string {
  if (!ls) return ''
  const reqs: LabelRequirement[] = Object.keys(ls.matchLabels ?? {}).map((k) => ({key: k, operator: '=', values: [ls.matchLabels![k]]}))
  for (const e of ls.matchExpressions ?? []) reqs.push({key: e.key, operator: EXPRESSION_OPS[e.operator] ?? 'exists', values: [...(e.values ?? [])]})
  return labelSelectorString({requirements: sortByKey(reqs)})
}
