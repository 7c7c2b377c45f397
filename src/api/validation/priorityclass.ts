// PriorityClass validation (scheduling validation.ValidatePriorityClass / ValidatePriorityClassUpdate):
// names starting `system-` are reserved for the two system classes with their exact value and
// globalDefault false; other classes may not exceed 1000000000; value and preemptionPolicy never change.
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'

/** The classes every cluster has (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES = [
  {name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.'},
  {name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'},
]
const SYSTEM_PREFIX = 'system-'
/** scheduling.HighestUserDefinablePriority */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000

/** core validation.ValidatePreemptionPolicy */
export function validatePreemptionPolicy(policy: unknown, field: string): FieldError[] {
  if (policy === 'PreemptLowerPriority' || policy === 'Never') return []
  if (policy === '') return [fieldErr.required(field, '')]
  return [fieldErr.notSupported(field, policy, ['Never', 'PreemptLowerPriority'])]
}

function knownSystemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const spc = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name)
  if (!spc) return `${name} is not a known system priority class`
  if (spc.value !== value) return `value of ${name} PriorityClass must be ${spc.value}`
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`
  return undefined
}

export function validatePriorityClass(pc: KObject): FieldError[] {
  const errs: FieldError[] = []
  const name = pc.metadata.name ?? ''
  const value = (pc.value as number | undefined) ?? 0
  if (name.startsWith(SYSTEM_PREFIX)) {
    const err = knownSystemClassError(name, value, pc.globalDefault === true)
    if (err) errs.push(fieldErr.forbidden('metadata.name', `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${err}`))
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(fieldErr.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`))
  }
  if (pc.preemptionPolicy !== undefined) errs.push(...validatePreemptionPolicy(pc.preemptionPolicy, 'preemptionPolicy'))
  return errs
}

export function validatePriorityClassUpdate(pc: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = []
  if ((pc.value ?? 0) !== (old.value ?? 0)) errs.push(fieldErr.forbidden('value', 'may not be changed in an update.'))
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(fieldErr.invalid('preemptionPolicy', pc.preemptionPolicy, 'field is immutable'))
  return errs
}
