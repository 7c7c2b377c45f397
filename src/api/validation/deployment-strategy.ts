// ValidateDeploymentStrategy and the other Deployment-only spec rules: maxSurge / maxUnavailable as
// non-negative ints or percentages (not both 0, maxUnavailable at most 100%), Recreate without
// rollingUpdate, history limit and progress deadline.
import {fieldErr, type FieldError} from '../errors.js'
import {nonNegative} from './workload.js'

export type IntOrString = number | string | undefined

/** Go's `%#v` of an intstr.IntOrString (it has no value-receiver String method). */
export function goIntOrString(v: IntOrString): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`
}

export const rendered = (field: string, v: IntOrString, detail: string): FieldError => ({type: 'FieldValueInvalid', field, hasValue: false, detail: `${goIntOrString(v)}: ${detail}`})

export const PERCENT = /^[0-9]+%$/

/** getIntOrPercentValue: the number, or the percentage's number. */
export function intOrPercentValue(v: IntOrString): number {
  if (typeof v === 'string') return PERCENT.test(v) ? Number(v.slice(0, -1)) : 0
  return v ?? 0
}

/** ValidatePositiveIntOrPercent (apps validation), also PodDisruptionBudget's. */
export function positiveIntOrPercent(v: IntOrString, field: string): FieldError[] {
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) return [rendered(field, v, "must be an integer or percentage (e.g '5%')")]
    return nonNegative(Number(v.slice(0, -1)), field)
  }
  return nonNegative(v, field)
}

/** The rest of ValidateDeploymentSpec, after replicas, selector and template. */
export interface DeploymentSpecTail {
  strategy?: {type?: string; rollingUpdate?: {maxSurge?: IntOrString; maxUnavailable?: IntOrString} | null}
  minReadySeconds?: number
  revisionHistoryLimit?: number
  progressDeadlineSeconds?: number
}

/** Strategy, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds. */
export function validateDeploymentTail(spec: DeploymentSpecTail): FieldError[] {
  const errs: FieldError[] = []
  const strategy = spec.strategy ?? {}
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate) errs.push(fieldErr.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"))
  } else if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate
    if (!ru) errs.push(fieldErr.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil'))
    else {
      errs.push(...positiveIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'))
      errs.push(...positiveIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'))
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(rendered('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'))
      }
      if (typeof ru.maxUnavailable === 'string' && intOrPercentValue(ru.maxUnavailable) > 100) {
        errs.push(rendered('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'must not be greater than 100%'))
      }
    }
  } else {
    errs.push(fieldErr.notSupported('spec.strategy.type', strategy.type ?? '', ['Recreate', 'RollingUpdate']))
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'))
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(fieldErr.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'))
    }
  }
  return errs
}
