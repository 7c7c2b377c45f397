// batch/v1 Job validation (batch/validation/validation.go): the generated selector and its labels, the
// spec's counts and modes, the pod template (restartPolicy OnFailure or Never), and on update the
// immutable fields — with the API server's paths and messages.
import type {JobSpec} from 'kubernetes-types/batch/v1.js'
import type {KObject, Pod} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'
import {nameIsDNSLabel} from '../../machinery/names.js'
import {CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL} from '../defaults/job.js'
import {goLabelSelector, goStringMap} from './go-value.js'
import {validateLabelSelector} from './label-selector.js'
import {validateAnnotations, validateLabels} from './object-meta.js'
import {validatePod, type PodValidationOptions} from './pod.js'
import {validatePodFailurePolicy, validatePodReplacementPolicy, validateSuccessPolicy} from './job-policy.js'
import {nonNegative} from './workload.js'

const MAX_INDEXED_PARALLELISM = 100000
const MAX_FAILED_INDEXES = 100000
const rendered = (field: string, value: string, detail: string): FieldError => ({type: 'FieldValueInvalid', field, hasValue: false, detail: `${value}: ${detail}`})
const specOf = (job: KObject): JobSpec => (job.spec ?? {}) as JobSpec

/** ValidateHasLabel on the template's metadata. */
function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string): FieldError[] {
  const field = `spec.template.metadata.labels[${key}]`
  if (!labels || !(key in labels)) return [fieldErr.required(field, `must be '${expected}'`)]
  return labels[key] === expected ? [] : [rendered(field, goStringMap(labels), `must be '${expected}'`)]
}

/** validateGeneratedSelector: without manualSelector the template carries the generated labels. */
function validateGeneratedSelector(job: KObject): FieldError[] {
  const spec = specOf(job)
  if (spec.manualSelector || !spec.selector) return []
  const errs: FieldError[] = job.metadata.uid ? [] : [fieldErr.required('metadata.uid')]
  const labels = spec.template?.metadata?.labels
  const uid = job.metadata.uid ?? ''
  const name = job.metadata.name ?? ''
  errs.push(...hasLabel(labels, LEGACY_CONTROLLER_UID_LABEL, uid), ...hasLabel(labels, LEGACY_JOB_NAME_LABEL, name))
  errs.push(...hasLabel(labels, CONTROLLER_UID_LABEL, uid), ...hasLabel(labels, JOB_NAME_LABEL, name))
  const expected = {[CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: name}
  try {
    if (!matchLabelSelector(labelSelectorFromObject(spec.selector), expected)) errs.push(rendered('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'))
  } catch {
    // an unparsable selector is reported by the selector's own validation
  }
  return errs
}

/** ValidateJob: metadata is checked by the API; the generated selector, the spec, the Indexed hostnames. */
export function validateJob(job: KObject, opts: PodValidationOptions): FieldError[] {
  const spec = specOf(job)
  const errs = [...validateGeneratedSelector(job), ...validateJobSpecWithSelector(spec, opts)]
  if (spec.completionMode === 'Indexed' && spec.completions != null && spec.completions > 0) {
    const hostname = `${job.metadata.name ?? ''}-${spec.completions - 1}`
    if (nameIsDNSLabel(hostname, false).length > 0) {
      errs.push(fieldErr.invalid('metadata.name', job.metadata.name ?? '', `will not able to create pod with invalid DNS label: ${hostname}`))
    }
  }
  return errs
}

/** ValidateJobSpec: the spec, a required selector, and a selector matching the template's labels. */
function validateJobSpecWithSelector(spec: JobSpec, opts: PodValidationOptions): FieldError[] {
  const errs = validateJobSpec(spec, 'spec', opts)
  if (!spec.selector) errs.push(fieldErr.required('spec.selector'))
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'))
  try {
    if (spec.selector && !matchLabelSelector(labelSelectorFromObject(spec.selector), spec.template?.metadata?.labels)) {
      errs.push(rendered('spec.template.metadata.labels', goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'))
    }
  } catch {
    // reported above
  }
  return errs
}

/** validateJobSpec: what a Job and a CronJob's jobTemplate share. */
export function validateJobSpec(spec: JobSpec, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = []
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex'] as const) {
    errs.push(...nonNegative(spec[f] ?? undefined, `${path}.${f}`))
  }
  if (spec.maxFailedIndexes != null) {
    errs.push(...nonNegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`))
    if (spec.backoffLimitPerIndex == null) errs.push(fieldErr.required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'))
  }
  errs.push(...validateCompletionMode(spec, path))
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`))
  if (spec.successPolicy) {
    if (spec.completionMode !== 'Indexed') errs.push(fieldErr.invalid(`${path}.successPolicy`, undefined, 'requires indexed completion mode'))
    else errs.push(...validateSuccessPolicy(spec, `${path}.successPolicy`))
  }
  errs.push(...validatePodReplacementPolicy(spec, `${path}.podReplacementPolicy`))
  errs.push(...validateTemplate(spec, `${path}.template`, opts))
  return errs.map((e) => (e.field === `${path}.successPolicy` && e.detail === 'requires indexed completion mode' ? {...e, hasValue: false} : e))
}

function validateCompletionMode(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = []
  const mode = spec.completionMode
  if (mode != null && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(fieldErr.notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']))
  if (mode === 'Indexed') {
    if (spec.completions == null) errs.push(fieldErr.required(`${path}.completions`, 'when completion mode is Indexed'))
    if (spec.parallelism != null && spec.parallelism > MAX_INDEXED_PARALLELISM) {
      errs.push(fieldErr.invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`))
    }
    if (spec.completions != null && spec.maxFailedIndexes != null && spec.maxFailedIndexes > spec.completions) {
      errs.push(fieldErr.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'must be less than or equal to completions'))
    }
    if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > MAX_FAILED_INDEXES) {
      errs.push(fieldErr.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES}`))
    }
  } else {
    if (spec.backoffLimitPerIndex != null) errs.push(fieldErr.invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode'))
    if (spec.maxFailedIndexes != null) errs.push(fieldErr.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'requires indexed completion mode'))
  }
  return errs
}

/** ValidatePodTemplateSpec plus the Job's restartPolicy rules. */
function validateTemplate(spec: JobSpec, path: string, opts: PodValidationOptions): FieldError[] {
  const template = spec.template ?? {}
  const errs = [...validateLabels(template.metadata?.labels, `${path}.metadata.labels`), ...validateAnnotations(template.metadata?.annotations, `${path}.metadata.annotations`)]
  const podErrs = validatePod({spec: template.spec ?? {containers: []}} as Pod, opts)
  errs.push(...podErrs.map((e) => ({...e, field: e.field.replace(/^spec\./, `${path}.spec.`)})))
  const policy = template.spec?.restartPolicy ?? ''
  const field = `${path}.spec.restartPolicy`
  if (policy === 'Always' || policy === '') errs.push(fieldErr.required(field, 'valid values: "OnFailure", "Never"'))
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(fieldErr.notSupported(field, policy, ['OnFailure', 'Never']))
  else if (spec.podFailurePolicy && policy !== 'Never') errs.push(fieldErr.invalid(field, policy, 'only "Never" is supported when podFailurePolicy is specified'))
  return errs
}
