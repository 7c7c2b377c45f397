// matchSuccessPolicy (pkg/controller/job/success_policy.go): an Indexed Job with a successPolicy
// succeeds once one rule is met — all its succeededIndexes, or succeededCount of them (of any index when
// the rule names none) — with the SuccessCriteriaMet reason SuccessPolicy; its remaining pods are deleted.
import type {SuccessPolicy} from 'kubernetes-types/batch/v1.js'

import {parseIndexes} from '../../machinery/job-indexes.js'

/** The condition's message when a rule is met, or undefined. */
export function matchSuccessPolicy(policy: SuccessPolicy | undefined, completions: number, succeeded: ReadonlySet<number>): string | undefined {
  if (!policy || succeeded.size === 0) return undefined
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    let met = false
    if (rule.succeededIndexes != null) {
      const required = parseIndexes(rule.succeededIndexes, completions)
      if (typeof required === 'string' || required.length === 0) continue
      const matched = required.filter((ix) => succeeded.has(ix)).length
      met = matched === required.length || (rule.succeededCount != null && matched >= rule.succeededCount)
    } else if (rule.succeededCount != null) met = succeeded.size >= rule.succeededCount
    if (met) return `Matched rules at index ${index}`
  }
  return undefined
}
