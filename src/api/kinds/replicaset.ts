// ReplicaSet (apps/v1, `rs`, in `all`): one replica by default, the pod template's spec defaults,
// apps validation (selector required and matching the template), an immutable selector, and
// generation bumped on spec changes so the controller's observedGeneration means something.
import type {StrategyContext} from '../strategy.js'

import {defaultReplicaSetSpec} from '../defaults/workload.js'
import {register} from '../registry.js'
import {workloadStrategy} from './workload.js'
import {type KObject} from '../types.js'
import {nonNegative, validateWorkloadSpec, type WorkloadSpec} from '../validation/workload.js'

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
  strategy: workloadStrategy({defaultSpec: defaultReplicaSetSpec, initialStatus: () => ({replicas: 0}), validate: validateReplicaSet}),
})
