// What the apps/v1 workload kinds (Deployment, ReplicaSet) share in their strategy: spec defaults, a
// fresh status on create, validation plus an immutable selector on update, and generation bumped on
// spec changes.
import type {ApiSettings, Strategy, StrategyContext} from '../strategy.js'
import type {FieldError} from '../errors.js'
import type {KObject} from '../types.js'

import {semanticEqual} from '../validation/pod-update.js'
import {validateSelectorUpdate, type WorkloadSpec} from '../validation/workload.js'

export interface WorkloadRules {
  defaultSpec(spec: WorkloadSpec, settings: ApiSettings): void
  /** the status a new object starts with */
  initialStatus(): Record<string, unknown>
  validate(obj: KObject, ctx: StrategyContext): FieldError[]
}

const selectorOf = (obj: KObject) => ((obj.spec ?? {}) as WorkloadSpec).selector

/** A workload kind's strategy. */
export function workloadStrategy(rules: WorkloadRules): Strategy {
  return {
    tracksGeneration: true,
    default(obj: KObject, ctx: StrategyContext) {
      obj.spec ??= {}
      rules.defaultSpec(obj.spec as WorkloadSpec, ctx.settings)
    },
    prepareForCreate(obj: KObject) {
      obj.status = rules.initialStatus()
    },
    validate: rules.validate,
    validateUpdate(obj: KObject, old: KObject, ctx: StrategyContext) {
      return [...rules.validate(obj, ctx), ...validateSelectorUpdate(selectorOf(obj), selectorOf(old))]
    },
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
  }
}
