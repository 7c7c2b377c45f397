// StorageClass (storage.k8s.io/v1, `sc`): cluster-scoped, names a provisioner and its parameters for
// dynamically provisioned volumes. Defaults reclaimPolicy to Delete and volumeBindingMode to Immediate
// (SetDefaults_StorageClass); validated as pkg/apis/storage/validation does. ksim provisions no volumes.
import type {KObject} from '../types.js'

import {register} from '../registry.js'
import {validateStorageClass, validateStorageClassUpdate} from '../validation/storageclass.js'

export const storageClassType = register({
  kind: 'StorageClass',
  group: 'storage.k8s.io',
  version: 'v1',
  plural: 'storageclasses',
  singular: 'storageclass',
  shortNames: ['sc'],
  namespaced: false,
  categories: [],
  strategy: {
    default(obj: KObject) {
      obj.reclaimPolicy ??= 'Delete'
      obj.volumeBindingMode ??= 'Immediate'
    },
    validate: (obj: KObject) => validateStorageClass(obj),
    validateUpdate: (obj: KObject, old: KObject) => [...validateStorageClass(obj), ...validateStorageClassUpdate(obj, old)],
  },
})
