// ValidateJobSpecUpdate (batch/validation/validation.go): what a Job's update may not change — the
// selector, the pod template (scheduling directives excepted while a Job is suspended and never
// started), completions (unless Indexed and moved together with parallelism), completionMode,
// podFailurePolicy, backoffLimitPerIndex, managedBy and successPolicy.
import type {JobSpec} from 'kubernetes-types/batch/v1.js'
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {clone} from '../meta.js'
import {goLabelSelector} from './go-value.js'
import {semanticEqual} from './pod-update.js'

const IMMUTABLE = 'field is immutable'
const specOf = (job: KObject): JobSpec => (job.spec ?? {}) as JobSpec

function immutable(field: string, next: unknown, old: unknown, render?: (v: never) => string): FieldError[] {
  if (semanticEqual(next ?? null, old ?? null)) return []
  if (render && next != null) return [{type: 'FieldValueInvalid', field, hasValue: false, detail: `${render(next as never)}: ${IMMUTABLE}`}]
  return [fieldErr.invalid(field, next ?? null, IMMUTABLE)]
}

/** validatePodTemplateUpdate: a suspended Job that never started may change where its pods run. */
function templateErrors(spec: JobSpec, old: JobSpec, oldJob: KObject): FieldError[] {
  const template = spec.template as PodTemplateSpec | undefined
  let previous = old.template as PodTemplateSpec | undefined
  const status = (oldJob.status ?? {}) as {startTime?: string}
  if (old.suspend && !status.startTime && template && previous) {
    previous = clone(previous)
    const ps = (previous.spec ??= {containers: []})
    const ts = template.spec ?? {containers: []}
    if (!ts.affinity && ps.affinity) {
      delete ps.affinity.nodeAffinity
      if (Object.keys(ps.affinity).length === 0) delete ps.affinity
    } else if (ts.affinity && !ps.affinity) ps.affinity = {nodeAffinity: ts.affinity.nodeAffinity}
    else if (ts.affinity && ps.affinity) ps.affinity.nodeAffinity = ts.affinity.nodeAffinity
    ps.nodeSelector = ts.nodeSelector
    ps.tolerations = ts.tolerations
    ps.schedulingGates = ts.schedulingGates
    const meta = (previous.metadata ??= {})
    meta.annotations = template.metadata?.annotations
    meta.labels = template.metadata?.labels
  }
  return immutable('spec.template', template, previous)
}

/** validateCompletions: only an Indexed Job's completions may change, and then to its parallelism. */
function completionErrors(spec: JobSpec, old: JobSpec): FieldError[] {
  if (spec.completionMode !== 'Indexed') return immutable('spec.completions', spec.completions, old.completions)
  if (spec.completions === old.completions || spec.completions == null) return []
  return spec.completions === spec.parallelism ? [] : [fieldErr.invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism')]
}

/** ValidateJobSpecUpdate's immutability rules. */
export function validateJobSpecUpdate(job: KObject, oldJob: KObject): FieldError[] {
  const spec = specOf(job)
  const old = specOf(oldJob)
  return [
    ...completionErrors(spec, old),
    ...immutable('spec.selector', spec.selector, old.selector, goLabelSelector),
    ...templateErrors(spec, old, oldJob),
    ...immutable('spec.completionMode', spec.completionMode, old.completionMode),
    ...immutable('spec.podFailurePolicy', spec.podFailurePolicy, old.podFailurePolicy),
    ...immutable('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, old.backoffLimitPerIndex),
    ...immutable('spec.managedBy', spec.managedBy, old.managedBy),
    ...immutable('spec.successPolicy', spec.successPolicy, old.successPolicy),
  ]
}
