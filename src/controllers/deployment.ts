// The Deployment controller (pkg/controller/deployment): owns ReplicaSets named
// `<deployment>-<pod-template-hash>`, rolls the template out with RollingUpdate (maxSurge /
// maxUnavailable) or Recreate, keeps revision annotations and the Available / Progressing
// conditions, and emits ScalingReplicaSet events.
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {replicaSetType} from '../api/kinds/replicaset.js'
import {labelSelectorFromObject, matchLabelSelector} from '../machinery/labels.js'
import {DeploymentSync} from './deployment-state.js'
import {isScalingEvent, rolloutRecreate, rolloutRolling, scaleDeployment} from './deployment-rollout.js'
import {checkPausedConditions, syncDeploymentStatus} from './deployment-status.js'
import {specOf} from './deployment-util.js'
import {controllerRefFor, controllerRefOf} from './workload-pods.js'

/** Syncs every Deployment; a pass over a settled cluster writes nothing. */
export class DeploymentController implements Controller {
  readonly name = 'deployment'
  readonly watches = ['Deployment', 'ReplicaSet', 'Pod']

  reconcile(ctx: ControllerContext): ReconcileResult {
    let requeue: number | undefined
    for (const d of ctx.cache.list('Deployment')) {
      try {
        const next = this.sync(ctx, d)
        if (next !== undefined) requeue = Math.min(requeue ?? next, next)
      } catch (error) {
        ctx.log(`syncing Deployment ${d.metadata.namespace}/${d.metadata.name}: ${(error as Error).message}`)
        requeue = Math.min(requeue ?? 1000, 1000)
      }
    }
    return requeue === undefined ? {} : {requeueAfterMs: requeue}
  }

  /** syncDeployment. */
  private sync(ctx: ControllerContext, cached: KObject): number | undefined {
    const d = DeploymentSync.current(ctx, cached)
    if (!d) return undefined
    const ns = d.metadata.namespace ?? 'default'
    const sync = new DeploymentSync(ctx, d, this.claimReplicaSets(ctx, d, ctx.cache.list('ReplicaSet', ns)), ctx.cache.list('Pod', ns))
    if (d.metadata.deletionTimestamp) {
      syncDeploymentStatus(sync, sync.rsList, sync.split().newRS)
      return undefined
    }
    checkPausedConditions(sync)
    if (specOf(d).paused || isScalingEvent(sync)) {
      const newRS = sync.newReplicaSet(false, () => 0)
      scaleDeployment(sync, newRS)
      syncDeploymentStatus(sync, sync.rsList, newRS)
      return undefined
    }
    return specOf(d).strategy?.type === 'Recreate' ? rolloutRecreate(sync) : rolloutRolling(sync)
  }

  /** ClaimReplicaSets: owned sets, orphans matching the selector adopted, non-matching ones released. */
  private claimReplicaSets(ctx: ControllerContext, d: KObject, sets: KObject[]): KObject[] {
    let selector
    try {
      selector = labelSelectorFromObject((specOf(d).selector ?? null) as never)
    } catch {
      return []
    }
    const owned: KObject[] = []
    for (const rs of sets) {
      const ref = controllerRefOf(rs)
      const matches = matchLabelSelector(selector, rs.metadata.labels)
      if (ref && ref.uid !== d.metadata.uid) continue
      if (ref && (matches || d.metadata.deletionTimestamp)) {
        owned.push(ctx.api.peek(rs.kind, rs.metadata.namespace ?? 'default', rs.metadata.name!) ?? rs)
        continue
      }
      if (!ref && (!matches || d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp)) continue
      const next = ctx.api.modify(replicaSetType, rs.metadata.namespace ?? 'default', rs.metadata.name!, (o) => {
        if (ref) o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid)
        else if (!controllerRefOf(o)) o.metadata.ownerReferences = [...(o.metadata.ownerReferences ?? []), controllerRefFor(d)]
        else return false
      })
      if (!ref && controllerRefOf(next)?.uid === d.metadata.uid) owned.push(next)
    }
    return owned
  }
}
