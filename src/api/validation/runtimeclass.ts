// RuntimeClass validation (pkg/apis/node/validation): the handler is a DNS label naming the CRI's
// runtime configuration and never changes; the overhead is checked as container limits are; the
// scheduling constraints as a pod's node selector and tolerations are.
import type {Toleration} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {nameIsDNSLabel} from '../../machinery/names.js'
import {validateLabels} from './object-meta.js'
import {validateTolerations} from './pod.js'
import {validateResources} from './pod-resources.js'

/** RuntimeClass's fields as node.k8s.io/v1 has them. */
export interface RuntimeClassFields {
  handler?: string
  overhead?: {podFixed?: Record<string, string>}
  scheduling?: {nodeSelector?: Record<string, string>; tolerations?: Toleration[]}
}

const fieldsOf = (obj: KObject): RuntimeClassFields => obj as unknown as RuntimeClassFields

/** ValidateRuntimeClass, beyond the object's metadata. */
export function validateRuntimeClass(obj: KObject): FieldError[] {
  const rc = fieldsOf(obj)
  const handler = rc.handler ?? ''
  const errs: FieldError[] = nameIsDNSLabel(handler, false).map((m) => fieldErr.invalid('handler', handler, m))
  if (rc.overhead) errs.push(...validateResources({limits: rc.overhead.podFixed}, 'overhead.podFixed'))
  if (rc.scheduling) {
    if (rc.scheduling.nodeSelector) errs.push(...validateLabels(rc.scheduling.nodeSelector, 'scheduling.nodeSelector'))
    errs.push(...validateTolerations(rc.scheduling.tolerations, 'scheduling.tolerations'))
  }
  return errs
}

/** The strategy's ValidateUpdate: the new object's rules, then ValidateRuntimeClassUpdate (the handler never changes). */
export function validateRuntimeClassUpdate(obj: KObject, old: KObject): FieldError[] {
  const handler = fieldsOf(obj).handler ?? ''
  const errs = validateRuntimeClass(obj)
  if (handler !== (fieldsOf(old).handler ?? '')) errs.push(fieldErr.invalid('handler', handler, 'field is immutable'))
  return errs
}
