// Lease (coordination.k8s.io/v1): a holder's claim on something, renewed to keep it. The reconciler's
// own lock (kube-system/ksim-reconciler) and the kubelets' node heartbeats (kube-node-lease/<node>).
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {register} from '../registry.js'

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

/** metav1.MicroTime as it marshals: RFC 3339 in UTC with six fractional digits (`2026-01-02T03:04:05.123456Z`). */
export function microTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

// a time a client sent in another RFC 3339 form comes back in MicroTime's form, as the API server re-encodes it
function normaliseTime(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return value
  const frac = /\.(\d+)/.exec(value)?.[1] ?? ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return d.toISOString().replace(/\.\d{3}Z$/, `.${frac.padEnd(6, '0').slice(0, 6)}Z`)
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
      for (const f of ['acquireTime', 'renewTime'] as const) {
        if (spec[f] !== undefined) spec[f] = normaliseTime(spec[f]) as string
      }
      obj.spec = spec
    },
    validate: validateLeaseSpec,
    validateUpdate: validateLeaseSpec,
  },
})
