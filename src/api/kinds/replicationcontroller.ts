// ReplicationController (v1, `rc`, in `all`): the core group's replica keeper. Defaults fill the
// selector and labels from the template's labels and one replica; validation is core's (a plain-map
// selector that may change after creation, unlike apps/v1); status starts as `{replicas: 0}` and the
// generation rises on spec changes, as the replicationcontroller strategy does.
import type {StrategyContext} from '../strategy.js'
import type {KObject} from '../types.js'

import {defaultReplicationController} from '../defaults/replicationcontroller.js'
import {register} from '../registry.js'
import {validateReplicationControllerSpec, type ReplicationControllerSpec} from '../validation/replicationcontroller.js'
import {semanticEqual} from '../validation/pod-update.js'

function validate(obj: KObject, ctx: StrategyContext) {
  return validateReplicationControllerSpec(obj.spec as ReplicationControllerSpec | undefined, {allowPrivileged: ctx.settings.allowPrivileged})
}

/** The ReplicationController resource type, registered when this module loads. */
export const replicationControllerType = register({
  kind: 'ReplicationController',
  group: '',
  version: 'v1',
  plural: 'replicationcontrollers',
  singular: 'replicationcontroller',
  shortNames: ['rc'],
  namespaced: true,
  categories: ['all'],
  strategy: {
    tracksGeneration: true,
    default: (obj: KObject, ctx: StrategyContext) => defaultReplicationController(obj, ctx.settings),
    prepareForCreate(obj: KObject) {
      obj.status = {replicas: 0}
    },
    validate,
    validateUpdate: (obj: KObject, _old: KObject, ctx: StrategyContext) => validate(obj, ctx),
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
  },
})
