// Lease (coordination.k8s.io/v1): a holder's claim on something, renewed to keep it. The reconciler's
// own lock (kube-system/ksim-reconciler) and the kubelets' node heartbeats (kube-node-lease/<node>).
import type {KObject} from '../types.js'

import {apiErrors, fieldErr, type FieldError} from '../errors.js'
import {parseMicroTime} from '../micro-time.js'
import {register} from '../registry.js'

export {microTime} from '../micro-time.js'

/** LeaseSpec, field names as the API has them; times are metav1.MicroTime strings. */
export interface LeaseSpec {
  holderIdentity?: string
  leaseDurationSeconds?: number
  acquireTime?: string
  renewTime?: string
  leaseTransitions?: number
  strategy?: string
  preferredHolder?: string
}

// coordination/validation ValidateLeaseSpec (strategy and preferredHolder are dropped before it runs)
function validateLeaseSpec(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as LeaseSpec
  const errs: FieldError[] = []
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds !== null && spec.leaseDurationSeconds <= 0) {
    errs.push(fieldErr.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'))
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions !== null && spec.leaseTransitions < 0) {
    errs.push(fieldErr.invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'))
  }
  return errs
}

export const leaseType = register({
  kind: 'Lease',
  group: 'coordination.k8s.io',
  version: 'v1',
  plural: 'leases',
  singular: 'lease',
  shortNames: [],
  namespaced: true,
  categories: [],
  strategy: {
    default(obj: KObject) {
      const spec = {...((obj.spec ?? {}) as LeaseSpec)}
      // the CoordinatedLeaderElection feature gate is off by default: the API server drops its fields
      delete spec.strategy
      delete spec.preferredHolder
      // MicroTime fields are decoded by the API server: refused unless in RFC3339Micro, stored in UTC
      for (const f of ['acquireTime', 'renewTime'] as const) {
        const v = spec[f] as unknown
        if (v === null) delete spec[f]
        if (typeof v !== 'string') continue
        const parsed = parseMicroTime(v)
        if ('error' in parsed) throw apiErrors.badRequest(`Lease in version "v1" cannot be handled as a Lease: ${parsed.error}`)
        spec[f] = parsed.time
      }
      obj.spec = spec
    },
    validate: validateLeaseSpec,
    validateUpdate: validateLeaseSpec,
  },
})
