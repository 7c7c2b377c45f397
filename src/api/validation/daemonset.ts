// ValidateDaemonSetSpec (apps/validation/validation.go): selector and the full pod template (through
// the workload rules, with DaemonSet's words), minReadySeconds, the update strategy (exactly one of
// maxUnavailable and maxSurge non-zero) and the history limit; the selector is immutable on update.
import {fieldErr, type FieldError} from '../errors.js'
import {goIntOrString, intOrPercentValue, positiveIntOrPercent} from './deployment-strategy.js'
import {nonNegative, validateSelectorAndTemplate, validateSelectorUpdate, type WorkloadSpec} from './workload.js'
import type {PodValidationOptions} from './pod.js'
import type {DaemonSetSpecShape} from '../defaults/apps.js'

type IntOrString = number | string | undefined
type Spec = WorkloadSpec & DaemonSetSpecShape

const rendered = (field: string, v: IntOrString, detail: string): FieldError => ({type: 'FieldValueInvalid', field, hasValue: false, detail: `${goIntOrString(v)}: ${detail}`})

/** IsNotMoreThan100Percent. */
function notOver100(v: IntOrString, field: string): FieldError[] {
  return typeof v === 'string' && intOrPercentValue(v) > 100 ? [rendered(field, v, 'must not be greater than 100%')] : []
}

/** A StatefulSet's rollingUpdate.maxUnavailable: a positive int or percentage, not 0, at most 100%. */
export function validateMaxUnavailable(v: IntOrString): FieldError[] {
  const field = 'spec.updateStrategy.rollingUpdate.maxUnavailable'
  const errs = positiveIntOrPercent(v, field)
  if (intOrPercentValue(v) === 0) errs.push(rendered(field, v, 'cannot be 0'))
  return [...errs, ...notOver100(v, field)]
}

/** ValidateRollingUpdateDaemonSet. */
function validateRollingUpdate(ru: {maxUnavailable?: IntOrString; maxSurge?: IntOrString}): FieldError[] {
  const base = 'spec.updateStrategy.rollingUpdate'
  const errs = [...positiveIntOrPercent(ru.maxUnavailable, `${base}.maxUnavailable`), ...positiveIntOrPercent(ru.maxSurge, `${base}.maxSurge`)]
  errs.push(...notOver100(ru.maxUnavailable, `${base}.maxUnavailable`), ...notOver100(ru.maxSurge, `${base}.maxSurge`))
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0
  if (hasUnavailable && hasSurge) errs.push(rendered(`${base}.maxSurge`, ru.maxSurge, 'may not be set when maxUnavailable is non-zero'))
  else if (!hasUnavailable && !hasSurge) errs.push(fieldErr.required(`${base}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'))
  return errs
}

/** ValidateDaemonSetUpdateStrategy. */
function validateStrategy(strategy: Spec['updateStrategy']): FieldError[] {
  const s = strategy ?? {}
  if (s.type === 'OnDelete') return []
  if (s.type === 'RollingUpdate') return s.rollingUpdate ? validateRollingUpdate(s.rollingUpdate) : [fieldErr.required('spec.updateStrategy.rollingUpdate')]
  // NotSupported on the whole strategy struct, rendered with %#v
  const ru = s.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)'
  const value = `apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:${ru}}`
  return [{type: 'FieldValueNotSupported', field: 'spec.updateStrategy', hasValue: false, detail: `${value}: supported values: "RollingUpdate", "OnDelete"`}]
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(spec: unknown, opts: PodValidationOptions): FieldError[] {
  const s = (spec ?? {}) as Spec
  const errs = validateSelectorAndTemplate(s, opts, {kind: 'DaemonSet', word: 'daemonset', deadlineInvalid: true})
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...validateStrategy(s.updateStrategy))
  errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  return errs
}

/** ValidateDaemonSetUpdate beyond metadata: the selector unchanged, then the spec. */
export function validateDaemonSetUpdate(next: unknown, old: unknown, opts: PodValidationOptions): FieldError[] {
  const sel = (o: unknown) => ((o ?? {}) as Spec).selector
  // ValidateDaemonSetSpecUpdate (the immutable selector) comes before the spec rules
  return [...validateSelectorUpdate(sel(next), sel(old)), ...validateDaemonSetSpec(next, opts)]
}
