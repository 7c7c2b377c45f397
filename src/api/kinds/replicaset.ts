// ReplicaSet (apps/v1, `rs`, in `all`): one replica by default, the pod template's spec defaults,
// apps validation (selector required and matching the template), an immutable selector, and
// generation bumped on spec changes so the controller's observedGeneration means something.
import type {StrategyContext} from '../strategy.js'

import {defaultReplicaSetSpec} from '../defaults/workload.js'
import {register} from '../registry.js'
import {type KObject} from '../types.js'
import {semanticEqual} from '../validation/pod-update.js'
import {nonNegative, validateSelectorUpdate, validateWorkloadSpec, type WorkloadSpec} from '../validation/workload.js'

const specOf = (obj: KObject): WorkloadSpec => (obj.spec ?? {}) as WorkloadSpec

/** ValidateReplicaSetSpec: replicas, minReadySeconds, then selector and template. */
function validateReplicaSet(obj: KObject, ctx: StrategyContext) {
  const spec = specOf(obj)
  const [replicaErrs, rest] = [nonNegative(spec.replicas, 'spec.replicas'), validateWorkloadSpec({...spec, replicas: undefined}, {allowPrivileged: ctx.settings.allowPrivileged})]
  return [...replicaErrs, ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...rest]
}

/** The ReplicaSet resource type, registered when this module loads. */
export const replicaSetType = register({
  kind: 'ReplicaSet',
  group: 'apps',
  version: 'v1',
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  namespaced: true,
  categories: ['all'],
  strategy: {
    tracksGeneration: true,
    default(obj: KObject, ctx: StrategyContext) {
      obj.spec ??= {}
      defaultReplicaSetSpec(obj.spec as never, ctx.settings)
    },
    prepareForCreate(obj: KObject) {
      obj.status = {replicas: 0}
    },
    validate: validateReplicaSet,
    validateUpdate(obj: KObject, old: KObject, ctx: StrategyContext) {
      return [...validateReplicaSet(obj, ctx), ...validateSelectorUpdate(specOf(obj).selector, specOf(old).selector)]
    },
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
  },
})
