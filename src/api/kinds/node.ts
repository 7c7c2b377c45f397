// Node: cluster-scoped; its status is posted by its kubelet (the reconciler), or by `cluster create`.
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {register} from '../registry.js'
import {isQualifiedName, isValidLabelValue} from '../../machinery/names.js'

// validateNodeTaints: the key is a label name, the value a label value, the effect one of three
function validateTaints(obj: KObject): FieldError[] {
  const errs: FieldError[] = []
  const taints = ((obj.spec as {taints?: {key?: string; value?: string; effect?: string}[]} | undefined)?.taints ?? [])
  taints.forEach((t, i) => {
    for (const m of isQualifiedName(t.key ?? '')) errs.push(fieldErr.invalid(`spec.taints[${i}].key`, t.key ?? '', m))
    for (const m of isValidLabelValue(t.value ?? '')) errs.push(fieldErr.invalid(`spec.taints[${i}].value`, t.value ?? '', m))
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
