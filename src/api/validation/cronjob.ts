// batch/v1 CronJob validation (batch/validation/validation.go, ValidateCronJobCreate/Update): the
// schedule as robfig/cron's ParseStandard reads it, no TZ or CRON_TZ in it (unless the stored schedule
// already had one), a known timeZone, startingDeadlineSeconds and the history limits non-negative, the
// concurrency policy, the jobTemplate's Job spec (validateJobSpec) with no selector of its own, and on
// create a name short enough for the Jobs it makes (`<name>-<minutes>` within 63 characters).
import type {CronJobSpec} from 'kubernetes-types/batch/v1.js'
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {parseStandard} from '../../machinery/cron.js'
import {loadLocationError} from '../../machinery/cron-zone.js'
import {goLabelSelector} from './go-value.js'
import {validateJobSpec} from './job.js'
import type {PodValidationOptions} from './pod.js'
import {nonNegative} from './workload.js'

const MAX_NAME = 63 - 11
const specOf = (cj: KObject): CronJobSpec => (cj.spec ?? {}) as CronJobSpec

function validateSchedule(schedule: string, allowTZ: boolean, timeZone: string | null | undefined): FieldError[] {
  const field = 'spec.schedule'
  const errs: FieldError[] = []
  const parsed = parseStandard(schedule)
  if (typeof parsed === 'string') errs.push(fieldErr.invalid(field, schedule, parsed))
  if (allowTZ && schedule.includes('TZ') && timeZone != null) errs.push(fieldErr.invalid(field, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'))
  else if (!allowTZ && schedule.includes('TZ')) errs.push(fieldErr.invalid(field, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'))
  return errs
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/

/** validateTimeZone: nil, or an explicit IANA name time.LoadLocation knows. */
function validateTimeZone(timeZone: string | null | undefined): FieldError[] {
  const field = 'spec.timeZone'
  if (timeZone == null) return []
  if (timeZone.length === 0) return [fieldErr.invalid(field, timeZone, 'timeZone must be nil or non-empty string')]
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) return [fieldErr.invalid(field, timeZone, `unknown time zone ${timeZone}`)]
  }
  const errs: FieldError[] = []
  if (timeZone.toLowerCase() === 'local') errs.push(fieldErr.invalid(field, timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'))
  const loadErr = loadLocationError(timeZone)
  if (loadErr !== undefined) errs.push(fieldErr.invalid(field, timeZone, loadErr))
  return errs
}

function validateConcurrencyPolicy(policy: string | undefined): FieldError[] {
  const field = 'spec.concurrencyPolicy'
  if (policy === 'Allow' || policy === 'Forbid' || policy === 'Replace') return []
  if (!policy) return [fieldErr.required(field)]
  return [fieldErr.notSupported(field, policy, ['Allow', 'Forbid', 'Replace'])]
}

/** ValidateJobTemplateSpec: the Job spec, whose selector is always generated. */
function validateJobTemplate(spec: CronJobSpec, opts: PodValidationOptions): FieldError[] {
  const path = 'spec.jobTemplate.spec'
  const jobSpec = spec.jobTemplate?.spec ?? {template: {}}
  const errs = validateJobSpec(jobSpec, path, opts)
  if (jobSpec.selector) errs.push({type: 'FieldValueInvalid', field: `${path}.selector`, hasValue: false, detail: `${goLabelSelector(jobSpec.selector)}: \`selector\` will be auto-generated`})
  if (jobSpec.manualSelector === true) errs.push(fieldErr.notSupported(`${path}.manualSelector`, true, ['nil', 'false']))
  return errs
}

/** validateCronJobSpec; `old` on update. */
function validateCronJobSpec(spec: CronJobSpec, old: CronJobSpec | undefined, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = []
  if (!spec.schedule) errs.push(fieldErr.required('spec.schedule'))
  else errs.push(...validateSchedule(spec.schedule, old ? (old.schedule ?? '').includes('TZ') : false, spec.timeZone))
  if (spec.startingDeadlineSeconds != null) errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'))
  if (!old || old.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone))
  errs.push(...validateConcurrencyPolicy(spec.concurrencyPolicy))
  errs.push(...validateJobTemplate(spec, opts))
  if (spec.successfulJobsHistoryLimit != null) errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'))
  if (spec.failedJobsHistoryLimit != null) errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'))
  return errs
}

/** ValidateCronJobCreate beyond metadata: the spec, and the name's 52-character limit. */
export function validateCronJobCreate(cj: KObject, opts: PodValidationOptions): FieldError[] {
  const errs = validateCronJobSpec(specOf(cj), undefined, opts)
  const name = cj.metadata.name ?? ''
  if (name.length > MAX_NAME) errs.push(fieldErr.invalid('metadata.name', name, 'must be no more than 52 characters'))
  return errs
}

/** ValidateCronJobUpdate beyond metadata: the spec against the stored one (no name limit). */
export function validateCronJobUpdate(cj: KObject, old: KObject, opts: PodValidationOptions): FieldError[] {
  return validateCronJobSpec(specOf(cj), specOf(old), opts)
}
