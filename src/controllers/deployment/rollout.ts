// The two rollout strategies (rolling.go, recreate.go), proportional scaling of a Deployment resized
// mid-rollout (sync.go scale), and the revision-history cleanup of old, empty ReplicaSets.
import type {KObject} from '../../api/types.js'

import {replicaSetType} from '../../api/kinds/replicaset.js'
import {rsReplicas, type DeploymentSync} from './state.js'
import {deploymentComplete, syncRolloutStatus} from './status.js'
import {DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, maxUnavailable, replicasOf, revisionOf, specOf, statusNum} from './util.js'
import {isPodActive} from './workload-pods.js'

const active = (rss: KObject[]): KObject[] => rss.filter((rs) => rsReplicas(rs) > 0)
const specSum = (rss: KObject[]): number => rss.reduce((n, rs) => n + rsReplicas(rs), 0)
const created = (o: KObject): number => Date.parse(o.metadata.creationTimestamp ?? '') || 0

/** NewRSNewReplicas: how far the new set may grow now. */
export function newRSNewReplicas(d: KObject, all: KObject[], newSize: number): number {
  if ((specOf(d).strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return replicasOf(d)
  const current = specSum(all)
  const maxTotal = replicasOf(d) + maxSurge(d)
  if (current >= maxTotal) return newSize
  return newSize + Math.min(maxTotal - current, replicasOf(d) - newSize)
}

/** rolloutRolling: grow the new set within maxSurge, shrink old ones within maxUnavailable. */
export function rolloutRolling(sync: DeploymentSync): number | undefined {
  const d = sync.d
  let newRS = sync.newReplicaSet(true, (size) => newRSNewReplicas(sync.d, sync.rsList, size))
  const all = (): KObject[] => sync.rsList
  const olds = (): KObject[] => sync.rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid)
  if (newRS && rsReplicas(newRS) !== replicasOf(d)) {
    const target = rsReplicas(newRS) > replicasOf(d) ? replicasOf(d) : newRSNewReplicas(d, all(), rsReplicas(newRS))
    if (target !== rsReplicas(newRS)) {
      newRS = sync.scale(newRS, target)
      return syncRolloutStatus(sync, all(), newRS)
    }
  }
  if (reconcileOldReplicaSets(sync, all(), active(olds()), newRS)) return syncRolloutStatus(sync, all(), newRS)
  if (deploymentComplete(d, (d.status ?? {}) as never)) cleanup(sync, olds())
  return syncRolloutStatus(sync, all(), newRS)
}

function reconcileOldReplicaSets(sync: DeploymentSync, all: KObject[], oldActive: KObject[], newRS: KObject | undefined): boolean {
  const d = sync.d
  if (specSum(oldActive) === 0) return false
  const minAvailable = replicasOf(d) - maxUnavailable(d)
  const newUnavailable = rsReplicas(newRS) - statusNum(newRS, 'availableReplicas')
  const maxScaledDown = specSum(all) - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  // cleanupUnhealthyReplicas: unavailable old pods go first
  let cleaned = 0
  for (const rs of [...oldActive].sort((a, b) => created(a) - created(b))) {
    if (cleaned >= maxScaledDown) break
    const unhealthy = rsReplicas(rs) - statusNum(rs, 'availableReplicas')
    if (rsReplicas(rs) === 0 || unhealthy <= 0) continue
    const n = Math.min(maxScaledDown - cleaned, unhealthy)
    sync.scale(rs, rsReplicas(rs) - n)
    cleaned += n
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then available ones, down to minAvailable
  const availableNow = sync.rsList.reduce((n, rs) => n + statusNum(rs, 'availableReplicas'), 0)
  let scaled = 0
  if (availableNow > minAvailable) {
    const total = availableNow - minAvailable
    const olds = sync.rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid && rsReplicas(rs) > 0).sort((a, b) => created(a) - created(b))
    for (const rs of olds) {
      if (scaled >= total) break
      const n = Math.min(rsReplicas(rs), total - scaled)
      sync.scale(rs, rsReplicas(rs) - n)
      scaled += n
    }
  }
  return cleaned + scaled > 0
}

/** rolloutRecreate: old sets to zero, wait for their pods to go, then the new set at full size. */
export function rolloutRecreate(sync: DeploymentSync): number | undefined {
  let {newRS} = sync.split()
  if (newRS) newRS = sync.newReplicaSet(false, () => 0)
  const olds = (): KObject[] => sync.rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid)
  let scaledDown = false
  for (const rs of active(olds())) {
    sync.scale(rs, 0)
    scaledDown = true
  }
  if (scaledDown) return syncRolloutStatus(sync, sync.rsList, newRS)
  const oldPodsRunning = olds().some((rs) => statusNum(rs, 'replicas') > 0 || sync.podsOf(rs).some((p) => isPodActive(p) || p.metadata.deletionTimestamp))
  if (oldPodsRunning) return syncRolloutStatus(sync, sync.rsList, newRS)
  newRS ??= sync.newReplicaSet(true, () => replicasOf(sync.d))
  if (newRS) newRS = sync.scale(newRS, replicasOf(sync.d))
  if (deploymentComplete(sync.d, (sync.d.status ?? {}) as never)) cleanup(sync, olds())
  return syncRolloutStatus(sync, sync.rsList, newRS)
}

/** isScalingEvent: an active set's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(sync: DeploymentSync): boolean {
  return active(sync.rsList).some((rs) => {
    const v = rs.metadata.annotations?.[DESIRED_REPLICAS]
    return v !== undefined && Number(v) !== replicasOf(sync.d)
  })
}

/** scale: resize the one active set, or spread the change over the active sets in proportion. */
export function scaleDeployment(sync: DeploymentSync, newRS: KObject | undefined): void {
  const d = sync.d
  const olds = sync.rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid)
  const act = active(sync.rsList)
  const only = act.length === 1 ? act[0] : act.length === 0 ? (newRS ?? [...olds].sort((a, b) => created(b) - created(a))[0]) : undefined
  if (only) {
    if (rsReplicas(only) !== replicasOf(d)) sync.scale(only, replicasOf(d))
    return
  }
  const saturated = newRS && rsReplicas(newRS) === replicasOf(d) && Number(newRS.metadata.annotations?.[DESIRED_REPLICAS]) === replicasOf(d) && statusNum(newRS, 'availableReplicas') === replicasOf(d)
  if (saturated) {
    for (const rs of active(olds)) sync.scale(rs, 0)
    return
  }
  if ((specOf(d).strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0
  const toAdd = allowed - specSum(act)
  const sorted = [...act].sort((a, b) => (toAdd > 0 ? rsReplicas(b) - rsReplicas(a) || created(b) - created(a) : rsReplicas(b) - rsReplicas(a) || created(a) - created(b)))
  const sizes = new Map<string, number>()
  let added = 0
  for (const rs of sorted) {
    let proportion = 0
    if (toAdd !== 0) {
      const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? statusNum(d, 'replicas')) || 0
      const fraction = replicasOf(d) === 0 ? -rsReplicas(rs) : annotated === 0 ? 0 : Math.round((rsReplicas(rs) * allowed) / annotated) - rsReplicas(rs)
      const left = toAdd - added
      proportion = toAdd > 0 ? Math.min(fraction, left) : Math.max(fraction, left)
    }
    sizes.set(rs.metadata.uid!, rsReplicas(rs) + proportion)
    added += proportion
  }
  if (sorted.length > 0 && added !== toAdd) {
    const first = sorted[0].metadata.uid!
    sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added))
  }
  for (const rs of sorted) sync.scale(rs, sizes.get(rs.metadata.uid!)!)
}

/** cleanupDeployment: delete the oldest empty sets beyond revisionHistoryLimit. */
export function cleanup(sync: DeploymentSync, olds: KObject[]): void {
  const limit = specOf(sync.d).revisionHistoryLimit
  if (limit === undefined) return
  const cleanable = olds.filter((rs) => rsReplicas(rs) === 0 && statusNum(rs, 'replicas') === 0 && !rs.metadata.deletionTimestamp && (rs.metadata.generation ?? 0) <= statusNum(rs, 'observedGeneration'))
  const diff = cleanable.length - limit
  if (diff <= 0) return
  for (const rs of cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || created(a) - created(b)).slice(0, diff)) {
    sync.ctx.api.delete(replicaSetType, rs.metadata.namespace ?? 'default', rs.metadata.name!, {propagationPolicy: 'Background'})
    sync.rsList = sync.rsList.filter((x) => x.metadata.uid !== rs.metadata.uid)
  }
}
