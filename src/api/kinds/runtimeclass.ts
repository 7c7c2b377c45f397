// RuntimeClass (node.k8s.io/v1): cluster-scoped, names a container runtime configuration (its
// `handler`) that pods choose with spec.runtimeClassName. The RuntimeClass admission plugin
// (admission/runtime-class.ts) refuses a pod naming one that does not exist and applies its overhead
// and scheduling constraints to the pod.
import {register} from '../registry.js'
import {validateRuntimeClass, validateRuntimeClassUpdate} from '../validation/runtimeclass.js'

export const runtimeClassType = register({
  kind: 'RuntimeClass',
  group: 'node.k8s.io',
  version: 'v1',
  plural: 'runtimeclasses',
  singular: 'runtimeclass',
  shortNames: [],
  namespaced: false,
  categories: [],
  strategy: {
    validate: validateRuntimeClass,
    validateUpdate: validateRuntimeClassUpdate,
  },
})
