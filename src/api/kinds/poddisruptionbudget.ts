// PodDisruptionBudget (policy/v1, `pdb`): no defaults in policy/v1 (v1beta1's minAvailable: 1 is gone),
// the spec validated as ValidatePodDisruptionBudgetSpec, a zero status on create (its four counts are
// not omitempty), the spec mutable, and generation bumped on spec changes: the eviction handler refuses
// while status.observedGeneration lags behind it.
import type {Strategy} from '../strategy.js'
import type {KObject} from '../types.js'

import {register} from '../registry.js'
import {semanticEqual} from '../validation/pod-update.js'
import {type PdbSpec, validatePdbSpec} from '../validation/poddisruptionbudget.js'

const specOf = (obj: KObject): PdbSpec => (obj.spec ?? {}) as PdbSpec

const pdbStrategy: Strategy = {
  tracksGeneration: true,
  prepareForCreate(obj: KObject) {
    obj.status = {currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0}
  },
  validate: (obj: KObject) => validatePdbSpec(specOf(obj)),
  validateUpdate: (obj: KObject) => validatePdbSpec(specOf(obj)),
  specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
}

/** The PodDisruptionBudget resource type, registered when this module loads. */
export const podDisruptionBudgetType = register({
  kind: 'PodDisruptionBudget',
  group: 'policy',
  version: 'v1',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  shortNames: ['pdb'],
  namespaced: true,
  categories: [],
  strategy: pdbStrategy,
})
