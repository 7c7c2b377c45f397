// PersistentVolume (v1, `pv`): cluster-scoped storage a claim binds to. Defaults as SetDefaults_PersistentVolume
// (reclaim policy Retain, volume mode Filesystem, a hostPath's empty type, canonical capacity); created
// Pending with its phase transition time, as the persistentvolume strategy does; the StorageObjectInUseProtection
// admission adds kubernetes.io/pv-protection. The persistent volume controller (controllers/persistentvolume.ts)
// makes it Available, binds it and releases it; status is written through the status subresource only.
import type {StrategyContext} from '../strategy.js'
import type {KObject} from '../types.js'

import {rfc3339} from '../types.js'
import {canonicalResources} from '../defaults/pod.js'
import {register} from '../registry.js'
import {validatePersistentVolumeSpec, validatePersistentVolumeUpdate} from '../validation/persistentvolume.js'

type Obj = Record<string, unknown>

export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection'

const specOf = (obj: KObject): Obj => (obj.spec ?? {}) as Obj

export const persistentVolumeType = register({
  kind: 'PersistentVolume',
  group: '',
  version: 'v1',
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  shortNames: ['pv'],
  namespaced: false,
  categories: [],
  strategy: {
    default(obj: KObject) {
      const spec = (obj.spec ??= {}) as Obj
      spec.persistentVolumeReclaimPolicy ||= 'Retain'
      spec.volumeMode ??= 'Filesystem'
      if (spec.capacity) spec.capacity = canonicalResources(spec.capacity as Obj)
      const hostPath = spec.hostPath as Obj | undefined
      if (hostPath) hostPath.type ??= ''
      const status = (obj.status ??= {}) as Obj
      status.phase ||= 'Pending'
    },
    prepareForCreate(obj: KObject, ctx: StrategyContext) {
      obj.status = {phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.clock.now())}
    },
    prepareForUpdate(obj: KObject, old: KObject) {
      obj.status = old.status
    },
    admit(obj: KObject, op: 'create' | 'update') {
      if (op === 'create' && !(obj.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER)) {
        obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), PV_PROTECTION_FINALIZER]
      }
      return {warnings: []}
    },
    validate: (obj: KObject) => validatePersistentVolumeSpec(specOf(obj)),
    validateUpdate: (obj: KObject, old: KObject) => [...validatePersistentVolumeSpec(specOf(obj)), ...validatePersistentVolumeUpdate(specOf(obj), specOf(old))],
  },
})
