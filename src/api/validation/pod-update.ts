// Pod update rules (core/validation ValidatePodUpdate): the spec is immutable except images,
// activeDeadlineSeconds (set or shorten), added tolerations and removed scheduling gates. ksim's
// scheduler binds through an update, so an unset spec.nodeName may be set once.
import type {Container, Pod, PodSpec, Toleration} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {validatePod, validateTolerations, type PodValidationOptions} from './pod.js'
import {inclusiveRangeError} from '../../machinery/names.js'
import {fieldsOf} from '../../machinery/sort-keys.js'

/** updatablePodSpecFields, joined as Kubernetes joins them (with "," and no space). */
export const POD_UPDATE_FORBIDDEN = `pod updates may not change fields other than ${[
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',')}`

const MAX_INT32 = 2147483647

/** Semantic.DeepEqual: nil and empty slices and maps are equal. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((x) => normalize(x) ?? null)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const n = normalize((v as Record<string, unknown>)[k])
      if (n !== undefined) out[k] = n
    }
    return Object.keys(out).length === 0 ? undefined : out
  }
  return v === null ? undefined : v
}

/** Spec comparison as apiequality.Semantic.DeepEqual does it (also used for generation bumps). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  // the same document is equal under any normalisation; most updates leave the spec as it was
  if (a === b || JSON.stringify(a) === JSON.stringify(b)) return true
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b))
}

function containerUpdateErrors(next: Container[] | undefined, prev: Container[] | undefined, path: string): {errs: FieldError[]; stop: boolean} {
  if ((next ?? []).length !== (prev ?? []).length) {
    return {errs: [fieldErr.forbidden(path, 'pod updates may not add or remove containers')], stop: true}
  }
  const errs: FieldError[] = []
  ;(next ?? []).forEach((c, i) => {
    const image = c.image ?? ''
    if (!image) errs.push(fieldErr.required(`${path}[${i}].image`))
    if (image.trim() !== image) errs.push(fieldErr.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'))
  })
  return {errs, stop: false}
}

function onlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined): FieldError[] {
  for (const old of prev ?? []) {
    const kept = (next ?? []).some((t) => semanticEqual({...old, tolerationSeconds: t.tolerationSeconds}, t))
    if (!kept) return [fieldErr.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')]
  }
  return validateTolerations(next, 'spec.tolerations')
}

/** The new spec with every field an update may change put back to its old value. */
function munge(spec: PodSpec, old: PodSpec): PodSpec {
  const m: PodSpec = structuredClone(spec)
  m.containers = (m.containers ?? []).map((c, i) => ({...c, image: old.containers?.[i]?.image}))
  if (m.initContainers) m.initContainers = m.initContainers.map((c, i) => ({...c, image: old.initContainers?.[i]?.image}))
  m.activeDeadlineSeconds = old.activeDeadlineSeconds
  m.schedulingGates = old.schedulingGates
  m.tolerations = old.tolerations
  const oldGrace = old.terminationGracePeriodSeconds
  if (oldGrace != null && oldGrace < 0 && m.terminationGracePeriodSeconds === 1) m.terminationGracePeriodSeconds = oldGrace
  if (!old.nodeName) m.nodeName = old.nodeName // binding: an unscheduled pod gets its node once
  return m
}

/** ValidatePodUpdate beyond metadata: the new pod's own validity, then what may change. */
export function validatePodUpdate(pod: Pod, old: Pod, opts: PodValidationOptions = {}): FieldError[] {
  const errs = validatePod(pod, opts)
  const spec = pod.spec ?? ({} as PodSpec)
  const oldSpec = old.spec ?? ({} as PodSpec)
  for (const [key, path] of [['containers', 'spec.containers'], ['initContainers', 'spec.initContainers']] as const) {
    const r = containerUpdateErrors(spec[key], oldSpec[key], path)
    errs.push(...r.errs)
    if (r.stop) return errs
  }
  const ads = spec.activeDeadlineSeconds
  if (ads != null) {
    if (ads < 0 || ads > MAX_INT32) return [...errs, fieldErr.invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, MAX_INT32))]
    if (oldSpec.activeDeadlineSeconds != null && oldSpec.activeDeadlineSeconds < ads) {
      return [...errs, fieldErr.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')]
    }
  } else if (oldSpec.activeDeadlineSeconds != null) {
    errs.push(fieldErr.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'))
  }
  errs.push(...onlyAddedTolerations(spec.tolerations, oldSpec.tolerations))
  const oldGates = new Set((oldSpec.schedulingGates ?? []).map((g) => g.name))
  ;(spec.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g.name)) {
      errs.push(fieldErr.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g.name}'`))
    }
  })
  if (semanticEqual(spec, oldSpec)) return errs
  const munged = munge(spec, oldSpec)
  if (!semanticEqual(munged, oldSpec)) errs.push(fieldErr.forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(oldSpec, munged)}`))
  return errs
}

/** Internal core.PodSpec field order and Go names, for the diff that follows the message. */
const GO_FIELDS: [string, string][] = [
  ['volumes', 'Volumes'],
  ['initContainers', 'InitContainers'],
  ['containers', 'Containers'],
  ['ephemeralContainers', 'EphemeralContainers'],
  ['restartPolicy', 'RestartPolicy'],
  ['terminationGracePeriodSeconds', 'TerminationGracePeriodSeconds'],
  ['activeDeadlineSeconds', 'ActiveDeadlineSeconds'],
  ['dnsPolicy', 'DNSPolicy'],
  ['nodeSelector', 'NodeSelector'],
  ['serviceAccountName', 'ServiceAccountName'],
  ['automountServiceAccountToken', 'AutomountServiceAccountToken'],
  ['nodeName', 'NodeName'],
  ['securityContext', 'SecurityContext'],
  ['imagePullSecrets', 'ImagePullSecrets'],
  ['hostname', 'Hostname'],
  ['subdomain', 'Subdomain'],
  ['setHostnameAsFQDN', 'SetHostnameAsFQDN'],
  ['affinity', 'Affinity'],
  ['schedulerName', 'SchedulerName'],
  ['tolerations', 'Tolerations'],
  ['hostAliases', 'HostAliases'],
  ['priorityClassName', 'PriorityClassName'],
  ['priority', 'Priority'],
  ['preemptionPolicy', 'PreemptionPolicy'],
  ['dnsConfig', 'DNSConfig'],
  ['readinessGates', 'ReadinessGates'],
  ['runtimeClassName', 'RuntimeClassName'],
  ['overhead', 'Overhead'],
  ['enableServiceLinks', 'EnableServiceLinks'],
  ['topologySpreadConstraints', 'TopologySpreadConstraints'],
  ['os', 'OS'],
  ['schedulingGates', 'SchedulingGates'],
  ['resourceClaims', 'ResourceClaims'],
  ['resources', 'Resources'],
]

function render(v: unknown): string {
  return v === undefined || v === null ? 'nil' : JSON.stringify(v)
}

/**
 * A go-cmp style diff of the two specs. An approximation: go-cmp's real output (Go syntax, random
 * use of non-breaking spaces) is deliberately unstable and cannot be reproduced byte for byte.
 */
export function specDiff(old: PodSpec, next: PodSpec): string {
  const lines = ['  core.PodSpec{']
  let same = 0
  const flush = (): void => {
    if (same > 0) lines.push(`  \t... // ${same} identical field${same === 1 ? '' : 's'}`)
    same = 0
  }
  const o = fieldsOf(old)
  const n = fieldsOf(next)
  for (const [key, goName] of GO_FIELDS) {
    if (semanticEqual(o[key], n[key])) {
      same++
      continue
    }
    flush()
    lines.push(`- \t${goName}: ${render(o[key])},`, `+ \t${goName}: ${render(n[key])},`)
  }
  flush()
  lines.push('  }')
  return lines.join('\n') + '\n'
}
