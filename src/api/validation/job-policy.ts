// The policies of a batch/v1 JobSpec (batch/validation/validation.go): podFailurePolicy rules,
// successPolicy rules and podReplacementPolicy, with the API server's paths and messages.
import type {JobSpec, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern, PodFailurePolicyRule, SuccessPolicyRule} from 'kubernetes-types/batch/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {isQualifiedName} from '../../machinery/names.js'
import {parseIndexes} from '../../machinery/job-indexes.js'

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore']
const STATUSES = ['False', 'True', 'Unknown']
const OPERATORS = ['In', 'NotIn']
const REPLACEMENT = ['Failed', 'TerminatingOrFailed']
const MAX_RULES = 20
const MAX_EXIT_CODES = 255
const MAX_PATTERNS = 20
const MAX_SUCCEEDED_INDEXES = 64 * 1024

/** Go's `%q` of a []string: `["a" "b"]`. */
const quotedList = (values: string[]): string => `[${values.map((v) => JSON.stringify(v)).join(' ')}]`
/** Go's `%#v` of a []int32. */
const goInt32s = (values: number[] | undefined): string => (values ? `[]int32{${values.join(', ')}}` : '[]int32(nil)')
const rendered = (field: string, value: string, detail: string): FieldError => ({type: 'FieldValueInvalid', field, hasValue: false, detail: `${value}: ${detail}`})
const tooMany = (field: string, actual: number, max: number): FieldError => ({type: 'FieldValueTooMany', field, hasValue: false, detail: `${actual}: must have at most ${max} items`})

/** validatePodFailurePolicy. */
export function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.podFailurePolicy?.rules ?? []
  const errs: FieldError[] = rules.length > MAX_RULES ? [tooMany(`${path}.rules`, rules.length, MAX_RULES)] : []
  const names = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name))
  rules.forEach((rule, i) => errs.push(...validateRule(spec, rule, `${path}.rules[${i}]`, names)))
  return errs
}

function validateRule(spec: JobSpec, rule: PodFailurePolicyRule, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  if (!rule.action) errs.push(fieldErr.required(`${path}.action`, `valid values: ${quotedList(ACTIONS)}`))
  else if (rule.action === 'FailIndex') {
    if (spec.backoffLimitPerIndex == null) errs.push(fieldErr.invalid(`${path}.action`, rule.action, 'requires the backoffLimitPerIndex to be set'))
  } else if (!ACTIONS.includes(rule.action)) errs.push(fieldErr.notSupported(`${path}.action`, rule.action, ACTIONS))
  const conditions = rule.onPodConditions ?? []
  if (rule.onExitCodes) errs.push(...validateExitCodes(rule.onExitCodes, `${path}.onExitCodes`, names))
  if (conditions.length > 0) errs.push(...validateConditions(conditions, `${path}.onPodConditions`))
  if (rule.onExitCodes && conditions.length > 0) errs.push(fieldErr.invalid(path, undefined, 'specifying both OnExitCodes and OnPodConditions is not supported'))
  if (!rule.onExitCodes && conditions.length === 0) errs.push(fieldErr.invalid(path, undefined, 'specifying one of OnExitCodes and OnPodConditions is required'))
  return errs.map((e) => (e.field === path ? {...e, hasValue: false} : e))
}

function validateConditions(patterns: PodFailurePolicyOnPodConditionsPattern[], path: string): FieldError[] {
  const errs: FieldError[] = patterns.length > MAX_PATTERNS ? [tooMany(path, patterns.length, MAX_PATTERNS)] : []
  patterns.forEach((p, j) => {
    for (const msg of isQualifiedName(p.type ?? '')) errs.push(fieldErr.invalid(`${path}[${j}].type`, p.type ?? '', msg))
    if (!p.status) errs.push(fieldErr.required(`${path}[${j}].status`, `valid values: ${quotedList(STATUSES)}`))
    else if (!STATUSES.includes(p.status)) errs.push(fieldErr.notSupported(`${path}[${j}].status`, p.status, STATUSES))
  })
  return errs
}

function validateExitCodes(req: PodFailurePolicyOnExitCodesRequirement, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  if (!req.operator) errs.push(fieldErr.required(`${path}.operator`, `valid values: ${quotedList(OPERATORS)}`))
  else if (!OPERATORS.includes(req.operator)) errs.push(fieldErr.notSupported(`${path}.operator`, req.operator, OPERATORS))
  if (req.containerName != null && !names.has(req.containerName)) {
    errs.push(fieldErr.invalid(`${path}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'))
  }
  const values = req.values ?? []
  if (values.length === 0) errs.push(rendered(`${path}.values`, goInt32s(req.values), 'at least one value is required'))
  else if (values.length > MAX_EXIT_CODES) errs.push(tooMany(`${path}.values`, values.length, MAX_EXIT_CODES))
  const seen = new Set<number>()
  let ordered = true
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(fieldErr.invalid(`${path}.values[${j}]`, v, 'must not be 0 for the In operator'))
    if (seen.has(v)) errs.push(fieldErr.duplicate(`${path}.values[${j}]`, v))
    else seen.add(v)
    if (j > 0 && values[j - 1] > v) ordered = false
  })
  if (!ordered) errs.push(rendered(`${path}.values`, goInt32s(values), 'must be ordered'))
  return errs
}

/** validateSuccessPolicy (only reached for Indexed Jobs). */
export function validateSuccessPolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.successPolicy?.rules ?? []
  const errs: FieldError[] = []
  if (rules.length === 0) errs.push(fieldErr.required(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'))
  if (rules.length > 20) errs.push(tooMany(`${path}.rules`, rules.length, 20))
  rules.forEach((rule, i) => errs.push(...validateSuccessRule(spec, rule, `${path}.rules[${i}]`)))
  return errs
}

function validateSuccessRule(spec: JobSpec, rule: SuccessPolicyRule, path: string): FieldError[] {
  const errs: FieldError[] = []
  const completions = spec.completions ?? 0
  if (rule.succeededCount == null && rule.succeededIndexes == null) {
    errs.push(fieldErr.required(path, 'at least one of succeededCount or succeededIndexes must be specified'))
  }
  let total = 0
  if (rule.succeededIndexes != null) {
    const at = `${path}.succeededIndexes`
    if (rule.succeededIndexes.length > MAX_SUCCEEDED_INDEXES) errs.push(fieldErr.tooLong(at, MAX_SUCCEEDED_INDEXES))
    const parsed = parseIndexes(rule.succeededIndexes, completions)
    if (typeof parsed === 'string') errs.push(fieldErr.invalid(at, rule.succeededIndexes, `error parsing succeededIndexes: ${parsed}`))
    else total = parsed.length
  }
  if (rule.succeededCount != null) {
    const at = `${path}.succeededCount`
    const count = rule.succeededCount
    if (count < 0) errs.push(fieldErr.invalid(at, count, 'must be greater than or equal to 0'))
    if (count > completions) errs.push(fieldErr.invalid(at, count, `must be less than or equal to ${completions} (the number of specified completions)`))
    if (rule.succeededIndexes != null && count > total) {
      errs.push(fieldErr.invalid(at, count, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`))
    }
  }
  return errs
}

/** validatePodReplacementPolicy: only Failed with a podFailurePolicy. */
export function validatePodReplacementPolicy(spec: JobSpec, path: string): FieldError[] {
  const policy = spec.podReplacementPolicy
  if (policy == null) return []
  if (spec.podFailurePolicy) return policy === 'Failed' ? [] : [fieldErr.notSupported(path, policy, ['Failed'])]
  return REPLACEMENT.includes(policy) ? [] : [fieldErr.notSupported(path, policy, REPLACEMENT)]
}
