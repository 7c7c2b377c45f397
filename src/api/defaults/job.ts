// Defaulting for batch/v1 Jobs (batch/v1 defaults.go, SetDefaults_Job) and the selector the Job strategy
// generates on create (generateSelector): completions and parallelism 1 when both are unset, backoffLimit
// 6 (MaxInt32 with a per-index limit), NonIndexed, not suspended, the pod replacement policy, no manual
// selector, and the template's pod spec defaults.
import type {JobSpec} from 'kubernetes-types/batch/v1.js'
import type {ApiSettings} from '../strategy.js'
import type {KObject} from '../types.js'

import {defaultPodTemplate} from './workload.js'

const MAX_INT32 = 2147483647

/** The labels a Job's pods carry and its generated selector matches. */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name'
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid'
export const LEGACY_JOB_NAME_LABEL = 'job-name'
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid'

/** SetDefaults_Job's spec part, in place. */
export function defaultJobSpec(spec: JobSpec, settings: ApiSettings): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1
    spec.parallelism = 1
  }
  spec.parallelism ??= 1
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? MAX_INT32 : 6
  spec.completionMode ??= 'NonIndexed'
  spec.suspend ??= false
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) pattern.status ||= 'True'
  }
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  spec.manualSelector ??= false
  defaultPodTemplate(spec.template as never, settings)
}

/**
 * SetDefaults_Job: the spec, and the Job's labels taken from its template's when it has none. On create
 * the copy waits for the generated selector (prepareForCreate): in Kubernetes the two share one map, and
 * every read of the stored Job defaults it again.
 */
export function defaultJob(job: KObject, settings: ApiSettings): void {
  const spec = (job.spec ??= {}) as JobSpec
  defaultJobSpec(spec, settings)
  if (spec.selector) copyTemplateLabels(job)
}

/** A Job without labels shows its template's (defaulting runs again on every read of the stored Job). */
export function copyTemplateLabels(job: KObject): void {
  const labels = (job.spec as JobSpec | undefined)?.template?.metadata?.labels
  if (labels && Object.keys(labels).length > 0 && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = {...labels}
}

/** generateSelector: the job-name and controller-uid labels on the template, the uid in the selector. */
export function generateJobSelector(job: KObject): void {
  const spec = (job.spec ??= {}) as JobSpec
  const template = (spec.template ??= {} as never)
  const labels = ((template.metadata ??= {}).labels ??= {})
  const name = job.metadata.name ?? ''
  const uid = job.metadata.uid ?? ''
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(key in labels)) labels[key] = name
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(key in labels)) labels[key] = uid
  const selector = (spec.selector ??= {})
  const matchLabels = (selector.matchLabels ??= {})
  if (!(CONTROLLER_UID_LABEL in matchLabels)) matchLabels[CONTROLLER_UID_LABEL] = uid
}
