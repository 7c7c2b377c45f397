// Pod Security Admission (enforce and warn modes from the namespace's labels) and the
// kube-apiserver --allow-privileged policy.
import type {Pod, PodSpec} from 'kubernetes-types/core/v1.js'

import {apiErrors, type FieldError} from '../errors.js'
import {validateSecurityContext} from '../validation/pod-containers.js'
import {CHECKS, type Check} from './pod-security-checks.js'

/** The Pod Security Standards levels a namespace label may name. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted'

const LABEL_PREFIX = 'pod-security.kubernetes.io/'
const LEVELS: PodSecurityLevel[] = ['privileged', 'baseline', 'restricted']

/** Checks in evaluation order: baseline IDs sorted, then restricted IDs sorted (Go byte order). */
function checksFor(level: PodSecurityLevel): Check[] {
  if (level === 'privileged') return []
  const byId = (a: Check, b: Check): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const baseline = CHECKS.filter((c) => c.level === 'baseline').sort(byId)
  if (level === 'baseline') return baseline
  const restricted = CHECKS.filter((c) => c.level === 'restricted').sort(byId)
  const overridden = new Set(restricted.flatMap((c) => c.overrides ?? []))
  return [...baseline.filter((c) => !overridden.has(c.id)), ...restricted]
}

/** The aggregated `reason (detail), reason (detail)` text, or undefined when the pod is allowed. */
export function evaluatePodSecurity(spec: PodSpec, level: PodSecurityLevel): string | undefined {
  const parts: string[] = []
  for (const check of checksFor(level)) {
    const r = check.run(spec)
    if (r) parts.push(r.detail ? `${r.reason} (${r.detail})` : r.reason)
  }
  return parts.length === 0 ? undefined : parts.join(', ')
}

interface ModePolicy {
  level: PodSecurityLevel
  version: string
}

/** One mode's policy from the namespace labels; no label = the cluster default, privileged. */
function policyFor(labels: Record<string, string>, mode: 'enforce' | 'warn'): ModePolicy {
  const raw = labels[`${LABEL_PREFIX}${mode}`]
  const version = labels[`${LABEL_PREFIX}${mode}-version`] || 'latest'
  if (raw === undefined) return {level: 'privileged', version}
  // an unparsable level is treated as the most restrictive one
  const level = (LEVELS as string[]).includes(raw) ? (raw as PodSecurityLevel) : 'restricted'
  return {level, version}
}

/**
 * Enforce rejects with 403 `pods "<name>" is forbidden: violates PodSecurity "<level>:<version>": ...`;
 * warn returns `would violate PodSecurity ...` warnings (only when enforce allowed the pod).
 */
export function admitPodSecurity(pod: Pod, namespaceLabels: Record<string, string>, name: string): {warnings: string[]} {
  const spec = pod.spec ?? ({} as PodSpec)
  const enforce = policyFor(namespaceLabels, 'enforce')
  const denied = evaluatePodSecurity(spec, enforce.level)
  if (denied) throw apiErrors.forbidden('pods', '', name, `violates PodSecurity "${enforce.level}:${enforce.version}": ${denied}`)
  const warn = policyFor(namespaceLabels, 'warn')
  const warned = evaluatePodSecurity(spec, warn.level)
  return {warnings: warned ? [`would violate PodSecurity "${warn.level}:${warn.version}": ${warned}`] : []}
}

/**
 * kube-apiserver --allow-privileged=false: `spec.containers[0].securityContext.privileged: Forbidden:
 * disallowed by cluster policy`. A validation error (422), which validatePod also reports in place.
 */
export function privilegedPolicyErrors(pod: Pod, allowPrivileged: boolean): FieldError[] {
  if (allowPrivileged) return []
  const errs: FieldError[] = []
  const visit = (list: {securityContext?: {privileged?: boolean}}[] | undefined, path: string): void => {
    ;(list ?? []).forEach((c, i) => {
      errs.push(...validateSecurityContext({privileged: c.securityContext?.privileged}, `${path}[${i}].securityContext`, false))
    })
  }
  visit(pod.spec?.containers, 'spec.containers')
  visit(pod.spec?.initContainers, 'spec.initContainers')
  visit(pod.spec?.ephemeralContainers, 'spec.ephemeralContainers')
  return errs
}
