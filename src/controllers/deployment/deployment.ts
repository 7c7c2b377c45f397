// The Deployment controller (pkg/controller/deployment): owns ReplicaSets named
// `<deployment>-<pod-template-hash>`, rolls the template out with RollingUpdate (maxSurge /
// maxUnavailable) or Recreate, keeps revision annotations and the Available / Progressing
// conditions, and emits ScalingReplicaSet events.
import type {KObject} from '../../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {keysOf, objectKey, orphanClaimers, ownerKeys, splitKey} from '../keys.js'

import {replicaSetType} from '../../api/kinds/replicaset.js'
import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'
import {DeploymentSync} from './state.js'
import {isScalingEvent, rolloutRecreate, rolloutRolling, scaleDeployment} from './rollout.js'
import {checkPausedConditions, syncDeploymentStatus} from './status.js'
import {specOf} from './util.js'
import {controllerRefFor, controllerRefOf} from './workload-pods.js'

/** Syncs one Deployment per key; a second sync of a settled one writes nothing. */
export class DeploymentController implements Controller {
  readonly name = 'deployment'
  readonly watches: readonly Watch[] = [
    {kind: 'Deployment'},
    // a set wakes the deployment that controls (or controlled) it; an orphan, every one that may adopt it
    {kind: 'ReplicaSet', map: (c, cache) => [...ownerKeys(c, 'Deployment'), ...orphanClaimers(c, cache, 'Deployment')]},
    // a pod wakes the deployment of its set (Recreate waits for old pods to go)
    {kind: 'Pod', map: (c, cache) => ownerKeys(c, 'ReplicaSet').flatMap((k) => setOwner(cache, k))},
  ]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'Deployment')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const d = ctx.cache.get('Deployment', namespace, name)
    const next = d ? this.sync(ctx, d) : undefined
    return next === undefined ? {} : {requeueAfterMs: next}
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

// the key of the Deployment controlling the ReplicaSet at `key`, if any
function setOwner(cache: ObjectCache, key: string): string[] {
  const {namespace, name} = splitKey(key)
  const rs = cache.get('ReplicaSet', namespace, name)
  const ref = rs?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')
  return ref ? [objectKey(namespace, ref.name)] : []
}
