// PriorityClass (scheduling.k8s.io/v1): cluster-scoped, a name for a pod priority value. Defaults
// preemptionPolicy to PreemptLowerPriority; Priority admission allows one globalDefault class.
import type {KObject} from '../types.js'

import {register} from '../registry.js'
import {admitPriorityClass} from '../admission/priority.js'
import {validatePriorityClass, validatePriorityClassUpdate} from '../validation/priorityclass.js'

export const priorityClassType = register({
  kind: 'PriorityClass',
  group: 'scheduling.k8s.io',
  version: 'v1',
  plural: 'priorityclasses',
  singular: 'priorityclass',
  shortNames: ['pc'],
  namespaced: false,
  categories: [],
  strategy: {
    default(obj: KObject) {
      // value is always serialized; globalDefault and description are omitempty
      obj.value ??= 0
      if (obj.globalDefault === false) delete obj.globalDefault
      if (obj.description === '') delete obj.description
      obj.preemptionPolicy ??= 'PreemptLowerPriority'
    },
    validate: (obj: KObject) => validatePriorityClass(obj),
    validateUpdate: (obj: KObject, old: KObject) => [...validatePriorityClassUpdate(obj, old), ...validatePriorityClass(obj)],
    admit(obj: KObject, op: 'create' | 'update', ctx) {
      admitPriorityClass(obj, op, ctx)
      return {warnings: []}
    },
  },
})
