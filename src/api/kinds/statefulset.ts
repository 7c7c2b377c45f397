// StatefulSet (apps/v1, `sts`, in `all`): apps/v1 defaults (OrderedReady, RollingUpdate partition 0,
// 10 revisions, Retain/Retain), the API server's validation (which leaves the pod spec alone), the
// forbidden updates outside replicas / template / updateStrategy / ..., and generation bumped on spec
// changes. A new set's status is the empty StatefulSetStatus: replicas and availableReplicas 0.
import type {StrategyContext} from '../strategy.js'

import {defaultStatefulSetSpec, type StatefulSetSpecShape} from '../defaults/apps.js'
import {register} from '../registry.js'
import {workloadStrategy} from './workload.js'
import {type KObject} from '../types.js'
import {validateStatefulSetSpec, validateStatefulSetUpdate} from '../validation/statefulset.js'

const base = workloadStrategy({
  defaultSpec: (spec, settings) => defaultStatefulSetSpec(spec as StatefulSetSpecShape, settings),
  initialStatus: () => ({availableReplicas: 0, replicas: 0}),
  validate: (obj: KObject) => validateStatefulSetSpec(obj.spec),
})

/** The StatefulSet resource type, registered when this module loads. */
export const statefulSetType = register({
  kind: 'StatefulSet',
  group: 'apps',
  version: 'v1',
  plural: 'statefulsets',
  singular: 'statefulset',
  shortNames: ['sts'],
  namespaced: true,
  categories: ['all'],
  strategy: {...base, validateUpdate: (obj: KObject, old: KObject, _ctx: StrategyContext) => validateStatefulSetUpdate(obj.spec, old.spec)},
})
