// ValidatePodDisruptionBudgetSpec (pkg/apis/policy/validation):
// minAvailable and maxUnavailable not both set, each a non-negative int or a percentage of
// at most 100%, the selector, the unhealthyPodEvictionPolicy values.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {type IntOrString, intOrPercentValue, PERCENT, positiveIntOrPercent, rendered} from './deployment-strategy.js'
import {validateLabelSelector} from './label-selector.js'

export interface PdbSpec {
  minAvailable?: IntOrString | null
  maxUnavailable?: IntOrString | null
  selector?: LabelSelector | null
  unhealthyPodEvictionPolicy?: string | null
}

/** The policies the API server accepts, sorted as sets.List sorts them. */
export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget']

// Go's %#v of a pointer field of the internal spec: the API server prints the heap address, which no
// two requests share; ksim prints a fixed one in the same shape
const goPointer = (type: string, set: boolean): string => `(*${type})(${set ? '0xc000a1e000' : 'nil'})`

/** `%#v` of the internal policy.PodDisruptionBudgetSpec, the value of the "both set" error. */
function goSpec(spec: PdbSpec): string {
  const set = (v: unknown) => v !== undefined && v !== null
  return (
    `policy.PodDisruptionBudgetSpec{MinAvailable:${goPointer('intstr.IntOrString', set(spec.minAvailable))}, ` +
    `Selector:${goPointer('v1.LabelSelector', set(spec.selector))}, ` +
    `MaxUnavailable:${goPointer('intstr.IntOrString', set(spec.maxUnavailable))}, ` +
    `UnhealthyPodEvictionPolicy:${goPointer('policy.UnhealthyPodEvictionPolicyType', set(spec.unhealthyPodEvictionPolicy))}}`
  )
}

// ValidatePositiveIntOrPercent then IsNotMoreThan100Percent
function intOrPercent(v: IntOrString, field: string): FieldError[] {
  const errs = positiveIntOrPercent(v, field)
  if (typeof v === 'string' && PERCENT.test(v) && intOrPercentValue(v) > 100) errs.push(rendered(field, v, 'must not be greater than 100%'))
  return errs
}

/** ValidatePodDisruptionBudgetSpec at `spec`. */
export function validatePdbSpec(spec: PdbSpec): FieldError[] {
  const errs: FieldError[] = []
  const has = (v: unknown): v is IntOrString => v !== undefined && v !== null
  if (has(spec.minAvailable) && has(spec.maxUnavailable)) {
    errs.push({type: 'FieldValueInvalid', field: 'spec', hasValue: false, detail: `${goSpec(spec)}: minAvailable and maxUnavailable cannot be both set`})
  }
  if (has(spec.minAvailable)) errs.push(...intOrPercent(spec.minAvailable, 'spec.minAvailable'))
  if (has(spec.maxUnavailable)) errs.push(...intOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'))
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'))
  const policy = spec.unhealthyPodEvictionPolicy
  if (policy !== undefined && policy !== null && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) {
    errs.push(fieldErr.notSupported('spec.unhealthyPodEvictionPolicy', policy, UNHEALTHY_POD_EVICTION_POLICIES))
  }
  return errs
}
