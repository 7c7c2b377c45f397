// apps/v1 validation (apps/validation/validation.go) for ReplicaSets and Deployments: replicas,
// selector (required, non-empty, matching the template's labels), the pod template, the rollout
// strategy, and the immutable selector on update — with the API server's messages.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {Pod} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'
import {validateLabelSelector} from './label-selector.js'
import {goLabelSelector, goStringMap} from './go-value.js'
import {validateAnnotations, validateLabels} from './object-meta.js'
import {validatePod, type PodValidationOptions} from './pod.js'
import {semanticEqual} from './pod-update.js'

/** The spec fields both kinds share. */
export interface WorkloadSpec {
  replicas?: number
  minReadySeconds?: number
  selector?: LabelSelector | null
  template?: PodTemplateSpec
}

/** An Invalid error whose value is already rendered Go-style (maps, structs). */
function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return {type: 'FieldValueInvalid', field, hasValue: false, detail: `${rendered}: ${detail}`}
}

/** ValidateNonnegativeField. */
export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [fieldErr.invalid(field, value, 'must be greater than or equal to 0')] : []
}

/** The kind a template belongs to, as the messages name it (`ReplicaSet` for Deployments too). */
export interface TemplateOwner {
  /** `activeDeadlineSeconds in <kind> is not Supported` */
  kind: string
  /** `empty selector is invalid for <word>` */
  word: string
  /** DaemonSet reports activeDeadlineSeconds as Invalid, the others as Forbidden */
  deadlineInvalid?: boolean
}

const REPLICASET_OWNER: TemplateOwner = {kind: 'ReplicaSet', word: 'deployment'}

/** The template rules: labels matching the selector, labels, annotations, the pod spec, restartPolicy and activeDeadlineSeconds. */
export function validateTemplate(template: PodTemplateSpec | undefined, selectorOk: boolean, selector: LabelSelector, opts: PodValidationOptions, owner = REPLICASET_OWNER): FieldError[] {
  if (!template) return [fieldErr.required('spec.template')]
  const errs: FieldError[] = []
  const labels = template.metadata?.labels
  if (selectorOk) {
    const sel = labelSelectorFromObject(selector)
    if (sel.requirements.length > 0 && !matchLabelSelector(sel, labels)) {
      errs.push(invalidRendered('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'))
    }
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'))
  errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.metadata.annotations'))
  const podErrs = validatePod({spec: template.spec} as Pod, opts)
  errs.push(...podErrs.map((e) => ({...e, field: e.field.replace(/^spec\./, 'spec.template.spec.')})))
  const policy = template.spec?.restartPolicy
  if (policy !== 'Always') errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', policy ?? '', ['Always']))
  const deadline = template.spec?.activeDeadlineSeconds
  if (deadline != null) {
    const field = 'spec.template.spec.activeDeadlineSeconds'
    const detail = `activeDeadlineSeconds in ${owner.kind} is not Supported`
    errs.push(owner.deadlineInvalid ? fieldErr.invalid(field, deadline, detail) : fieldErr.forbidden(field, detail))
  }
  return errs
}

/** The replicas, selector and template rules ValidateReplicaSetSpec and ValidateDeploymentSpec share. */
export function validateWorkloadSpec(spec: WorkloadSpec | undefined, opts: PodValidationOptions): FieldError[] {
  const s = spec ?? {}
  return [...nonNegative(s.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(s, opts)]
}

/** The selector (required, valid, non-empty) and the template rules, with the owner's words. */
export function validateSelectorAndTemplate(s: WorkloadSpec, opts: PodValidationOptions, owner = REPLICASET_OWNER): FieldError[] {
  const errs: FieldError[] = []
  if (!s.selector) {
    errs.push(fieldErr.required('spec.selector'))
    if (!s.template) errs.push(fieldErr.required('spec.template'))
    else errs.push(...validateTemplate(s.template, false, {}, opts, owner))
    return errs
  }
  const selErrs = validateLabelSelector(s.selector, 'spec.selector')
  errs.push(...selErrs)
  const empty = Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0
  if (empty) errs.push(invalidRendered('spec.selector', goLabelSelector(s.selector), `empty selector is invalid for ${owner.word}`))
  let selectorOk = selErrs.length === 0
  if (selectorOk) {
    try {
      labelSelectorFromObject(s.selector)
    } catch {
      selectorOk = false
      errs.push(invalidRendered('spec.selector', goLabelSelector(s.selector), 'invalid label selector'))
    }
  }
  errs.push(...validateTemplate(s.template, selectorOk, s.selector, opts, owner))
  return errs
}

/** The selector may not change after creation (apps/v1). */
export function validateSelectorUpdate(next: LabelSelector | null | undefined, old: LabelSelector | null | undefined): FieldError[] {
  if (semanticEqual(next ?? null, old ?? null)) return []
  return [invalidRendered('spec.selector', next ? goLabelSelector(next) : 'nil', 'field is immutable')]
}
