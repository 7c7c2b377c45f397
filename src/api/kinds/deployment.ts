// Deployment (apps/v1, `deploy`, in `all`): apps/v1 defaults (1 replica, RollingUpdate 25%/25%,
// 10 revisions, 600 s progress deadline), apps validation with the API server's messages, an
// immutable selector, and generation bumped on spec changes.
import type {StrategyContext} from '../strategy.js'

import {defaultDeploymentSpec} from '../defaults/workload.js'
import {register} from '../registry.js'
import {workloadStrategy} from './workload.js'
import {type KObject} from '../types.js'
import {validateDeploymentTail, type DeploymentSpecTail} from '../validation/deployment-strategy.js'
import {validateWorkloadSpec, type WorkloadSpec} from '../validation/workload.js'

type DeploymentSpec = WorkloadSpec & DeploymentSpecTail
const specOf = (obj: KObject): DeploymentSpec => (obj.spec ?? {}) as DeploymentSpec

/** ValidateDeploymentSpec. */
function validateDeployment(obj: KObject, ctx: StrategyContext) {
  const spec = specOf(obj)
  return [...validateWorkloadSpec(spec, {allowPrivileged: ctx.settings.allowPrivileged}), ...validateDeploymentTail(spec)]
}

/** The Deployment resource type, registered when this module loads. */
export const deploymentType = register({
  kind: 'Deployment',
  group: 'apps',
  version: 'v1',
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  namespaced: true,
  categories: ['all'],
  strategy: workloadStrategy({defaultSpec: defaultDeploymentSpec, initialStatus: () => ({}), validate: validateDeployment}),
})
