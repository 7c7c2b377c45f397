// Validation of a pod's inter-pod affinity terms and topology spread constraints (core validation's
// validatePodAffinity / validatePodAntiAffinity and validateTopologySpreadConstraints), with the API
// server's messages and paths (the quirk `namespace` for an invalid entry of `namespaces` included).
import type {PodAffinityTerm, PodSpec, TopologySpreadConstraint, WeightedPodAffinityTerm} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {isDNS1123Label, isQualifiedName} from '../../machinery/names.js'
import {validateLabelSelector} from './label-selector.js'

const NOT_POSITIVE = 'must be greater than zero'

function validateTerm(t: PodAffinityTerm, path: string): FieldError[] {
  const errs = [...validateLabelSelector(t.labelSelector, `${path}.labelSelector`), ...validateLabelSelector(t.namespaceSelector, `${path}.namespaceSelector`)]
  for (const ns of t.namespaces ?? []) for (const msg of isDNS1123Label(ns)) errs.push(fieldErr.invalid(`${path}.namespace`, ns, msg))
  const key = t.topologyKey ?? ''
  if (key === '') errs.push(fieldErr.required(`${path}.topologyKey`, 'can not be empty'))
  for (const msg of isQualifiedName(key)) errs.push(fieldErr.invalid(`${path}.topologyKey`, key, msg))
  return errs
}

function validateAffinityKind(a: {requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[]} | undefined, path: string): FieldError[] {
  if (!a) return []
  const errs: FieldError[] = []
  ;(a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => errs.push(...validateTerm(t, `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)))
  ;(a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((w, i) => {
    const at = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`
    if (!(w.weight > 0 && w.weight <= 100)) errs.push(fieldErr.invalid(`${at}.weight`, w.weight, 'must be in the range 1-100'))
    errs.push(...validateTerm(w.podAffinityTerm ?? ({} as PodAffinityTerm), `${at}.podAffinityTerm`))
  })
  return errs
}

/** The errors of spec.affinity's podAffinity and podAntiAffinity. */
export function validatePodAffinities(spec: PodSpec): FieldError[] {
  const a = spec.affinity
  return [...validateAffinityKind(a?.podAffinity, 'spec.affinity.podAffinity'), ...validateAffinityKind(a?.podAntiAffinity, 'spec.affinity.podAntiAffinity')]
}

function validateConstraint(c: TopologySpreadConstraint, rest: TopologySpreadConstraint[], path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!(c.maxSkew > 0)) errs.push(fieldErr.invalid(`${path}.maxSkew`, c.maxSkew ?? 0, NOT_POSITIVE))
  if (!c.topologyKey) errs.push(fieldErr.required(`${path}.topologyKey`, 'can not be empty'))
  if (c.whenUnsatisfiable !== 'DoNotSchedule' && c.whenUnsatisfiable !== 'ScheduleAnyway') {
    errs.push(fieldErr.notSupported(`${path}.whenUnsatisfiable`, c.whenUnsatisfiable ?? '', ['DoNotSchedule', 'ScheduleAnyway']))
  }
  if (rest.some((r) => r.topologyKey === c.topologyKey && r.whenUnsatisfiable === c.whenUnsatisfiable)) {
    errs.push(fieldErr.duplicate(`${path}.{topologyKey, whenUnsatisfiable}`, `{${c.topologyKey}, ${c.whenUnsatisfiable}}`))
  }
  if (c.minDomains != null) {
    if (c.minDomains <= 0) errs.push(fieldErr.invalid(`${path}.minDomains`, c.minDomains, NOT_POSITIVE))
    if (c.whenUnsatisfiable !== 'DoNotSchedule') {
      errs.push(fieldErr.invalid(`${path}.minDomains`, c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable ?? ''}`))
    }
  }
  for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
    const v = c[policy]
    if (v != null && v !== 'Honor' && v !== 'Ignore') errs.push(fieldErr.notSupported(`${path}.${policy}`, v, ['Honor', 'Ignore']))
  }
  errs.push(...validateLabelSelector(c.labelSelector, `${path}.labelSelector`))
  return errs
}

/** The errors of spec.topologySpreadConstraints. */
export function validateTopologySpread(spec: PodSpec): FieldError[] {
  const list = spec.topologySpreadConstraints ?? []
  return list.flatMap((c, i) => validateConstraint(c, list.slice(i + 1), `spec.topologySpreadConstraints[${i}]`))
}
