// Container resources (core/validation validateResourceRequirements): standard or extended names,
// valid non-negative quantities, requests not above limits.
import type {ResourceRequirements} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {parseQuantity, quantityError} from '../../machinery/quantity.js'
import {isQualifiedName} from '../../machinery/names.js'

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'services.nodeports',
  'services.loadbalancers',
])

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-')
}

/** IsNativeResource: no prefix, or a kubernetes.io prefix. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/')
}

/** IsExtendedResourceName: prefixed, not native, and a qualified name once `requests.` is prepended. */
function isExtended(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false
  return isQualifiedName(`requests.${name}`).length === 0
}

/** IsOvercommitAllowed: requests may differ from limits only for native, non-hugepages resources. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name)
}

function isStandard(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isHugePages(name) || /^(requests|limits)\.hugepages-/.test(name)
}

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const m of isQualifiedName(name)) errs.push(fieldErr.invalid(path, name, m))
  if (errs.length > 0) return errs
  if (!name.includes('/') && !isStandard(name)) errs.push(fieldErr.invalid(path, name, 'must be a standard resource type or fully qualified'))
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(fieldErr.invalid(path, name, 'must be a standard resource for containers'))
    }
  } else if (!isNative(name) && !isExtended(name)) {
    errs.push(fieldErr.invalid(path, name, "doesn't follow extended resource name standard"))
  }
  return errs
}

function validateQuantity(name: string, raw: unknown, path: string): FieldError[] {
  const text = String(raw)
  const problem = quantityError(text)
  if (problem) return [fieldErr.invalid(path, text, problem)]
  const q = parseQuantity(text)!
  const errs: FieldError[] = []
  if (q.nanos < 0n) errs.push(fieldErr.invalid(path, q.toString(), 'must be greater than or equal to 0'))
  if (isExtended(name) && q.milliValue() % 1000 !== 0) errs.push(fieldErr.invalid(path, q.toString(), 'must be an integer'))
  return errs
}

/** Names and quantities of limits and requests; each request at most its limit. */
export function validateResources(res: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  const limits = (res?.limits ?? {}) as Record<string, unknown>
  const requests = (res?.requests ?? {}) as Record<string, unknown>
  for (const [name, raw] of Object.entries(limits)) {
    const p = `${path}.limits[${name}]`
    errs.push(...validateContainerResourceName(name, p), ...validateQuantity(name, raw, p))
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = `${path}.requests[${name}]`
    errs.push(...validateContainerResourceName(name, p), ...validateQuantity(name, raw, p))
    const request = parseQuantity(String(raw))
    if (name in limits) {
      const limit = parseQuantity(String(limits[name]))
      if (!request || !limit) continue
      if (request.cmp(limit) !== 0 && !overcommitAllowed(name)) {
        errs.push(fieldErr.invalid(`${path}.requests`, request.toString(), `must be equal to ${name} limit of ${limit.toString()}`))
      } else if (request.cmp(limit) > 0) {
        errs.push(fieldErr.invalid(`${path}.requests`, request.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`))
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(fieldErr.required(`${path}.limits`, 'Limit must be set for non overcommitable resources'))
    }
  }
  return errs
}
