// `create poddisruptionbudget NAME --selector --min-available|--max-unavailable`: kubectl's
// PodDisruptionBudgetOpts Validate (in its order) and the object it builds: the selector through
// metav1.ParseToLabelSelector, the bound through intstr.Parse (a number, else the text).
import type {LabelSelector, LabelSelectorRequirement} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'

import {parseLabelSelector} from '../../machinery/label-selector.js'
import {CliError} from '../errors.js'

export interface PdbOptions {
  name: string
  namespace: string
  selector?: string
  minAvailable?: string
  maxUnavailable?: string
  /** --dry-run=client: printed as built, without the namespace the server would add */
  forPrinting: boolean
}

const BOUND = /^[0-9]+%?$/

/** PodDisruptionBudgetOpts.Validate. */
function validate(o: PdbOptions): void {
  if (!o.selector) throw new CliError('a selector must be specified')
  if (!o.maxUnavailable && !o.minAvailable) throw new CliError('one of min-available or max-unavailable must be specified')
  if (o.maxUnavailable && o.minAvailable) throw new CliError('min-available and max-unavailable cannot be both specified')
  if (o.minAvailable && !BOUND.test(o.minAvailable)) throw new CliError('invalid format specified for min-available')
  if (o.maxUnavailable && !BOUND.test(o.maxUnavailable)) throw new CliError('invalid format specified for max-unavailable')
}

/** metav1.ParseToLabelSelector: equalities to matchLabels; in, notin, exists and !key to matchExpressions; other operators refused. */
export function parseToLabelSelector(text: string): LabelSelector {
  const matchLabels: Record<string, string> = {}
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const r of parseLabelSelector(text).requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels[r.key] = r.values[0]
    else if (r.operator === 'in') matchExpressions.push({key: r.key, operator: 'In', values: [...r.values]})
    else if (r.operator === 'notin') matchExpressions.push({key: r.key, operator: 'NotIn', values: [...r.values]})
    else if (r.operator === 'exists') matchExpressions.push({key: r.key, operator: 'Exists'})
    else if (r.operator === '!') matchExpressions.push({key: r.key, operator: 'DoesNotExist'})
    else if (r.operator === '!=') throw new CliError(`"!=" is not a valid label selector operator`)
    else throw new CliError(`"${r.operator}" isn't supported in label selectors`)
  }
  return {...(Object.keys(matchLabels).length > 0 ? {matchLabels} : {}), ...(matchExpressions.length > 0 ? {matchExpressions} : {})}
}

/** intstr.Parse: an int32 when the text is one, else the text. */
function intOrString(text: string): number | string {
  const n = Number(text)
  return /^-?\d+$/.test(text) && Number.isSafeInteger(n) && Math.abs(n) < 2 ** 31 ? n : text
}

/** The PodDisruptionBudget `create pdb` builds (after Validate). */
export function generatePdb(o: PdbOptions): KObject {
  validate(o)
  let selector: LabelSelector
  try {
    selector = parseToLabelSelector(o.selector!)
  } catch (error) {
    throw error instanceof CliError ? error : new CliError((error as Error).message)
  }
  const spec: Record<string, unknown> = o.minAvailable ? {minAvailable: intOrString(o.minAvailable)} : {maxUnavailable: intOrString(o.maxUnavailable!)}
  spec.selector = selector
  // the policy/v1 status counts are not omitempty: kubectl prints them, zero, for the object it built
  const status = {disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0}
  return {apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name: o.name, ...(o.forPrinting ? {} : {namespace: o.namespace})}, spec, status}
}
