// core/v1 ReplicationController validation (core validation.go: ValidateReplicationControllerSpec and
// ValidatePodTemplateSpecForRC): minReadySeconds, a non-empty selector (a plain label map), replicas,
// then the template — its labels matching the selector, ValidatePodTemplateSpec's rules at
// `spec.template` (labels at `spec.template.labels`, as core names them), restartPolicy Always and no
// activeDeadlineSeconds. The selector may change on update: core/v1 never made it immutable.
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {Pod} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {goStringMap} from './go-value.js'
import {validateAnnotations, validateLabels} from './object-meta.js'
import {validatePod, type PodValidationOptions} from './pod.js'
import {nonNegative} from './workload.js'

/** The spec fields validation reads. */
export interface ReplicationControllerSpec {
  replicas?: number
  minReadySeconds?: number
  selector?: Record<string, string> | null
  template?: PodTemplateSpec | null
}

/** labels.Set(selector).AsSelector().Matches(labels): every selector pair present in the labels. */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v)
}

/** ValidatePodTemplateSpec at `path` (labels, annotations, the pod spec). */
function validatePodTemplateSpec(template: PodTemplateSpec, path: string, opts: PodValidationOptions): FieldError[] {
  const podErrs = validatePod({spec: template.spec} as Pod, opts)
  return [
    ...validateLabels(template.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.annotations`),
    ...podErrs.map((e) => ({...e, field: e.field.replace(/^spec\./, `${path}.spec.`)})),
  ]
}

/** ValidatePodTemplateSpecForRC. */
function validateTemplateForRC(template: PodTemplateSpec | null | undefined, selector: Record<string, string>, opts: PodValidationOptions): FieldError[] {
  const path = 'spec.template'
  if (!template) return [fieldErr.required(path)]
  const errs: FieldError[] = []
  const labels = template.metadata?.labels
  if (Object.keys(selector).length > 0 && !mapSelectorMatches(selector, labels)) {
    errs.push({type: 'FieldValueInvalid', field: `${path}.metadata.labels`, hasValue: false, detail: `${goStringMap(labels)}: \`selector\` does not match template \`labels\``})
  }
  errs.push(...validatePodTemplateSpec(template, path, opts))
  const policy = template.spec?.restartPolicy
  if (policy !== 'Always') errs.push(fieldErr.notSupported(`${path}.spec.restartPolicy`, policy ?? '', ['Always']))
  if (template.spec?.activeDeadlineSeconds != null) {
    errs.push(fieldErr.forbidden(`${path}.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in ReplicationController is not Supported'))
  }
  return errs
}

/** ValidateReplicationControllerSpec, in the API server's order. */
export function validateReplicationControllerSpec(spec: ReplicationControllerSpec | undefined, opts: PodValidationOptions): FieldError[] {
  const s = spec ?? {}
  const selector = s.selector ?? {}
  return [
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...(Object.keys(selector).length === 0 ? [fieldErr.required('spec.selector')] : []),
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...validateTemplateForRC(s.template, selector, opts),
  ]
}
