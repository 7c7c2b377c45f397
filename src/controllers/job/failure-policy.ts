// matchPodFailurePolicy (pkg/controller/job/pod_failure_policy.go): the first rule of a Job's
// podFailurePolicy that a failed pod matches — by a container's non-zero exit code or by a pod
// condition — and what it means: a message when it fails the Job, whether the failure counts
// towards backoffLimit, and the action.
import type {PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern} from 'kubernetes-types/batch/v1.js'
import type {PodObject} from './job-pods.js'

export interface PolicyMatch {
  /** the Job's failure message (action FailJob) */
  failJobMessage?: string
  /** whether the failure counts towards backoffLimit (false for Ignore) */
  countFailed: boolean
  action?: string
}

function exitCodeMatches(req: PodFailurePolicyOnExitCodesRequirement, code: number): boolean {
  const inValues = (req.values ?? []).includes(code)
  return req.operator === 'In' ? inValues : req.operator === 'NotIn' ? !inValues : false
}

/** The first container (regular containers, then init containers) terminated with a non-zero code the requirement matches. */
function matchExitCodes(pod: PodObject, req: PodFailurePolicyOnExitCodesRequirement): {name: string; code: number} | undefined {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
  for (const s of statuses) {
    if (req.containerName != null && req.containerName !== s.name) continue
    const code = s.state?.terminated?.exitCode
    if (code !== undefined && code !== 0 && exitCodeMatches(req, code)) return {name: s.name, code}
  }
  return undefined
}

function matchConditions(pod: PodObject, patterns: PodFailurePolicyOnPodConditionsPattern[]): string | undefined {
  for (const pattern of patterns) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === pattern.type)
    if (c && c.status === (pattern.status || 'True')) return c.type
  }
  return undefined
}

/** The matched rule's outcome; no rule matched: the failure counts. */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: PodObject): PolicyMatch {
  const ns = pod.metadata.namespace ?? ''
  const name = pod.metadata.name ?? ''
  for (const [index, rule] of (policy?.rules ?? []).entries()) {
    let failJobMessage: string | undefined
    if (rule.onExitCodes) {
      const hit = matchExitCodes(pod, rule.onExitCodes)
      if (!hit) continue
      failJobMessage = `Container ${hit.name} for pod ${ns}/${name} failed with exit code ${hit.code} matching ${rule.action} rule at index ${index}`
    } else if (rule.onPodConditions && rule.onPodConditions.length > 0) {
      const type = matchConditions(pod, rule.onPodConditions)
      if (!type) continue
      failJobMessage = `Pod ${ns}/${name} has condition ${type} matching ${rule.action} rule at index ${index}`
    } else continue
    switch (rule.action) {
      case 'Ignore':
        return {countFailed: false, action: rule.action}
      case 'FailJob':
        return {failJobMessage, countFailed: true, action: rule.action}
      default:
        return {countFailed: true, action: rule.action}
    }
  }
  return {countFailed: true}
}
