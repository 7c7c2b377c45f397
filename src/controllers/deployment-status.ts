// A Deployment's status from its ReplicaSets (calculateStatus, syncRolloutStatus): counts, the
// Available condition, the Progressing condition as the rollout moves, completes or times out, and
// when to look again for the progress deadline.
import type {KObject} from '../api/types.js'
import type {DeploymentSync} from './deployment-state.js'

import {sortKeysDeep} from '../machinery/sort-keys.js'
import {maxUnavailable, replicasOf, setCondition, specOf, statusNum, type DeploymentCondition} from './deployment-util.js'

interface Status {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  collisionCount?: number
  conditions?: DeploymentCondition[]
}

const sum = (rss: KObject[], key: string): number => rss.reduce((n, rs) => n + statusNum(rs, key), 0)
const specSum = (rss: KObject[]): number => rss.reduce((n, rs) => n + ((rs.spec as {replicas?: number}).replicas ?? 0), 0)

/** calculateStatus: counts over all sets (zeros omitted, as omitempty does) and the Available condition. */
export function calculateStatus(all: KObject[], newRS: KObject | undefined, d: KObject, now: string): Status {
  const available = sum(all, 'availableReplicas')
  const unavailable = Math.max(0, specSum(all) - available)
  const old = (d.status ?? {}) as Status
  const counts: Record<string, number | undefined> = {
    observedGeneration: d.metadata.generation,
    replicas: sum(all, 'replicas'),
    updatedReplicas: newRS ? statusNum(newRS, 'replicas') : 0,
    readyReplicas: sum(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    collisionCount: old.collisionCount,
  }
  const status: Status = {}
  for (const [k, v] of Object.entries(counts)) if (v) (status as Record<string, number>)[k] = v
  const ok = available >= replicasOf(d) - maxUnavailable(d)
  const condition: DeploymentCondition = ok
    ? {type: 'Available', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.'}
    : {type: 'Available', status: 'False', lastUpdateTime: now, lastTransitionTime: now, reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.'}
  status.conditions = setCondition(old.conditions ?? [], condition)
  return status
}

const hasDeadline = (d: KObject): boolean => {
  const p = specOf(d).progressDeadlineSeconds
  return p !== undefined && p !== 2147483647
}

/** DeploymentComplete: every replica updated and available, and the spec observed. */
export function deploymentComplete(d: KObject, s: Status): boolean {
  const r = replicasOf(d)
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
}

function progressing(d: KObject, s: Status): boolean {
  const o = (d.status ?? {}) as Status
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
}

function timedOut(d: KObject, s: Status, nowMs: number): boolean {
  if (!hasDeadline(d)) return false
  const c = s.conditions?.find((x) => x.type === 'Progressing')
  if (!c || c.reason === 'NewReplicaSetAvailable') return false
  if (c.reason === 'ProgressDeadlineExceeded') return true
  return Date.parse(c.lastUpdateTime) + (specOf(d).progressDeadlineSeconds ?? 600) * 1000 < nowMs
}

/** syncRolloutStatus: writes the new status; returns ms until the progress deadline needs a look. */
export function syncRolloutStatus(sync: DeploymentSync, all: KObject[], newRS: KObject | undefined): number | undefined {
  const d = sync.d
  const now = sync.now()
  const nowMs = sync.ctx.clock.now().getTime()
  const s = calculateStatus(all, newRS, d, now)
  const current = s.conditions?.find((c) => c.type === 'Progressing')
  const complete = s.replicas === s.updatedReplicas && current?.reason === 'NewReplicaSetAvailable'
  if (hasDeadline(d) && !complete) {
    const name = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`
    const set = (status: string, reason: string, message: string, keepTransition = false): void => {
      let c: DeploymentCondition = {type: 'Progressing', status, lastUpdateTime: now, lastTransitionTime: now, reason, message}
      if (keepTransition && current) {
        if (current.status === 'True') c = {...c, lastTransitionTime: current.lastTransitionTime}
        s.conditions = (s.conditions ?? []).filter((x) => x.type !== 'Progressing')
        s.conditions.push(c)
      } else s.conditions = setCondition(s.conditions ?? [], c)
    }
    if (deploymentComplete(d, s)) set('True', 'NewReplicaSetAvailable', `${name} has successfully progressed.`)
    else if (progressing(d, s)) set('True', 'ReplicaSetUpdated', `${name} is progressing.`, true)
    else if (timedOut(d, s, nowMs)) set('False', 'ProgressDeadlineExceeded', `${name} has timed out progressing.`)
  }
  sync.saveDeployment((x) => {
    x.status = sortKeysDeep(s)
  })
  const c = s.conditions?.find((x) => x.type === 'Progressing')
  if (!hasDeadline(d) || !c || c.reason === 'NewReplicaSetAvailable' || c.reason === 'ProgressDeadlineExceeded' || deploymentComplete(d, s)) return undefined
  return Math.max(1, Date.parse(c.lastUpdateTime) + (specOf(d).progressDeadlineSeconds ?? 600) * 1000 - nowMs + 1000)
}

/** syncDeploymentStatus: the counts and Available only (scaling, or a Deployment being deleted). */
export function syncDeploymentStatus(sync: DeploymentSync, all: KObject[], newRS: KObject | undefined): void {
  const s = calculateStatus(all, newRS, sync.d, sync.now())
  sync.saveDeployment((x) => {
    x.status = sortKeysDeep(s)
  })
}

/**
 * checkPausedConditions: pausing or resuming a Deployment with a progress deadline turns Progressing to
 * Unknown (DeploymentPaused / DeploymentResumed), so that time spent paused never counts against the
 * deadline; a Deployment that already timed out keeps saying so.
 */
export function checkPausedConditions(sync: DeploymentSync): void {
  const d = sync.d
  if (!hasDeadline(d)) return
  const conditions = ((d.status ?? {}) as Status).conditions ?? []
  const current = conditions.find((c) => c.type === 'Progressing')
  if (current?.reason === 'ProgressDeadlineExceeded') return
  const paused = specOf(d).paused === true
  if (paused === (current?.reason === 'DeploymentPaused')) return
  sync.saveDeployment((x) => {
    sync.setProgressing('Unknown', paused ? 'DeploymentPaused' : 'DeploymentResumed', paused ? 'Deployment is paused' : 'Deployment is resumed', x)
  })
}
