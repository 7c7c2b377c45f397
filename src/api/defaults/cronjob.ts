// Defaulting for batch/v1 CronJobs (batch/v1 defaults.go, SetDefaults_CronJob): concurrencyPolicy Allow,
// not suspended, three successful and one failed Job kept. The jobTemplate's Job spec gets no Job
// defaults (SetDefaults_Job is the Job's, not its template's): only its pod template's, as the generated
// defaulter walks into jobTemplate.spec.template.
import type {CronJobSpec} from 'kubernetes-types/batch/v1.js'
import type {ApiSettings} from '../strategy.js'
import type {KObject} from '../types.js'

import {defaultPodTemplate} from './workload.js'

/** SetObjectDefaults_CronJob, in place. */
export function defaultCronJob(cj: KObject, settings: ApiSettings): void {
  const spec = (cj.spec ??= {}) as CronJobSpec
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow'
  spec.suspend ??= false
  spec.successfulJobsHistoryLimit ??= 3
  spec.failedJobsHistoryLimit ??= 1
  defaultPodTemplate(spec.jobTemplate?.spec?.template, settings)
}
