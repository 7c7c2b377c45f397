// Node: cluster-scoped; its status is posted by its kubelet (the reconciler), or by `cluster create`.
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {register} from '../registry.js'

function validateTaints(obj: KObject): FieldError[] {
  const errs: FieldError[] = []
  const taints = ((obj.spec as {taints?: {key?: string; effect?: string}[]} | undefined)?.taints ?? [])
  taints.forEach((t, i) => {
    if (!t.key) errs.push(fieldErr.required(`spec.taints[${i}].key`))
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect ?? '')) {
      errs.push(fieldErr.notSupported(`spec.taints[${i}].effect`, t.effect ?? '', ['NoExecute', 'NoSchedule', 'PreferNoSchedule']))
    }
  })
  return errs
}

export const nodeType = register({
  kind: 'Node',
  group: '',
  version: 'v1',
  plural: 'nodes',
  singular: 'node',
  shortNames: ['no'],
  namespaced: false,
  categories: [],
  strategy: {
    default(obj: KObject) {
      if (!obj.spec) obj.spec = {}
    },
    validate: validateTaints,
    validateUpdate(obj: KObject, old: KObject) {
      const errs = validateTaints(obj)
      const spec = (obj.spec ?? {}) as {podCIDR?: string}
      const oldSpec = (old.spec ?? {}) as {podCIDR?: string}
      if (oldSpec.podCIDR && spec.podCIDR !== oldSpec.podCIDR) {
        errs.push(fieldErr.forbidden('spec.podCIDR', 'node updates may not change podCIDR except from "" to valid'))
      }
      return errs
    },
  },
})
