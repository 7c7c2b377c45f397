// PersistentVolumeClaim (v1, `pvc`): a namespaced request for storage. Defaults as
// SetDefaults_PersistentVolumeClaim (volume mode Filesystem, phase Pending, canonical requests); the
// DefaultStorageClass admission gives a claim without storageClassName the default StorageClass, and
// StorageObjectInUseProtection adds kubernetes.io/pvc-protection. The persistent volume controller binds
// it; status is written through the status subresource only.
import type {StrategyContext} from '../strategy.js'
import type {KObject} from '../types.js'

import {canonicalResources} from '../defaults/pod.js'
import {register} from '../registry.js'
import {validatePersistentVolumeClaimSpec, validatePersistentVolumeClaimUpdate} from '../validation/persistentvolume.js'
import {defaultStorageClassName} from './storageclass-default.js'

type Obj = Record<string, unknown>

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection'

const specOf = (obj: KObject): Obj => (obj.spec ?? {}) as Obj

export const persistentVolumeClaimType = register({
  kind: 'PersistentVolumeClaim',
  group: '',
  version: 'v1',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  shortNames: ['pvc'],
  namespaced: true,
  categories: [],
  strategy: {
    default(obj: KObject) {
      const spec = (obj.spec ??= {}) as Obj
      spec.volumeMode ??= 'Filesystem'
      const resources = spec.resources as Obj | undefined
      if (resources?.requests) resources.requests = canonicalResources(resources.requests as Obj)
      if (resources?.limits) resources.limits = canonicalResources(resources.limits as Obj)
      const status = (obj.status ??= {}) as Obj
      status.phase ||= 'Pending'
    },
    prepareForCreate(obj: KObject) {
      obj.status = {phase: 'Pending'}
    },
    prepareForUpdate(obj: KObject, old: KObject) {
      obj.status = old.status
    },
    admit(obj: KObject, op: 'create' | 'update', ctx: StrategyContext) {
      if (op !== 'create') return {warnings: []}
      const spec = (obj.spec ??= {}) as Obj
      const annotated = obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined
      if (spec.storageClassName == null && !annotated) {
        const name = defaultStorageClassName(ctx)
        if (name !== undefined) spec.storageClassName = name
      }
      if (!(obj.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER)) {
        obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), PVC_PROTECTION_FINALIZER]
      }
      return {warnings: []}
    },
    validate: (obj: KObject) => validatePersistentVolumeClaimSpec(specOf(obj)),
    validateUpdate: (obj: KObject, old: KObject) => [...validatePersistentVolumeClaimSpec(specOf(obj)), ...validatePersistentVolumeClaimUpdate(obj, old)],
  },
})
