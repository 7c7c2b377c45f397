// Deployment helpers (deployment/util): the pod-template-hash, maxSurge / maxUnavailable resolved
// against the replica count, revision and replica annotations, and the conditions' bookkeeping.
import type {KObject} from '../api/types.js'

import {sortKeysDeep} from '../machinery/sort-keys.js'
import {REVISION} from '../api/deployment-revisions.js'
import {NAME_ALPHABET} from '../api/meta.js'

export {HASH_LABEL, REVISION, templateWithoutHash} from '../api/deployment-revisions.js'

/** Annotation keys the Deployment controller keeps on Deployments and ReplicaSets (REVISION and HASH_LABEL: api/deployment-revisions). */
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'

/** Annotations a Deployment keeps to itself (never copied to its ReplicaSets). */
const NOT_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to'])

/** The spec fields the controller reads. */
export interface DeploymentSpec {
  replicas?: number
  minReadySeconds?: number
  progressDeadlineSeconds?: number
  revisionHistoryLimit?: number
  paused?: boolean
  selector?: {matchLabels?: Record<string, string>; matchExpressions?: unknown[]}
  strategy?: {type?: string; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}}
  template?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: unknown}
}

/** Typed views of a Deployment (or ReplicaSet): its spec, desired replicas and a status count. */
export const specOf = (o: KObject): DeploymentSpec => (o.spec ?? {}) as DeploymentSpec
export const replicasOf = (o: KObject): number => specOf(o).replicas ?? 1
export const statusNum = (o: KObject | undefined, key: string): number => ((o?.status as Record<string, number> | undefined)?.[key] ?? 0)

function fnv32a(text: string): number {
  let h = 0x811c9dc5
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/**
 * ComputeHash: FNV-32a of the template (and collisionCount), as a decimal string with each digit
 * mapped through the name alphabet (SafeEncodeString). ksim hashes the template's sorted JSON, not
 * Go's spew dump, so the value differs from a real cluster's but has the same form.
 */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  const text = JSON.stringify(sortKeysDeep(template ?? {})) + (collisionCount === undefined ? '' : String(collisionCount))
  return [...String(fnv32a(text))].map((c) => NAME_ALPHABET[c.charCodeAt(0) % NAME_ALPHABET.length]).join('')
}

/** GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v
  if (v === undefined) return 0
  const pct = Number(v.replace(/%$/, ''))
  const raw = (pct * total) / 100
  return roundUp ? Math.ceil(raw) : Math.floor(raw)
}

/** ResolveFenceposts: [maxSurge, maxUnavailable], never both 0. */
export function fenceposts(d: KObject): [number, number] {
  const ru = specOf(d).strategy?.rollingUpdate ?? {}
  const desired = replicasOf(d)
  const surge = scaledValue(ru.maxSurge ?? '25%', desired, true)
  let unavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return [surge, unavailable]
}

const isRolling = (d: KObject): boolean => (specOf(d).strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: KObject): number {
  return isRolling(d) ? fenceposts(d)[0] : 0
}

/** MaxUnavailable: 0 for Recreate or no replicas, at most the replica count. */
export function maxUnavailable(d: KObject): number {
  if (!isRolling(d) || replicasOf(d) === 0) return 0
  return Math.min(fenceposts(d)[1], replicasOf(d))
}

/** The annotations a new ReplicaSet gets from its Deployment, plus revision and replica counts. */
export function newReplicaSetAnnotations(d: KObject, revision: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) out[k] = v
  out[DESIRED_REPLICAS] = String(replicasOf(d))
  out[MAX_REPLICAS] = String(replicasOf(d) + maxSurge(d))
  out[REVISION] = revision
  return out
}

/** Revision(rs): its revision annotation as a number (0 when absent). */
export function revisionOf(o: KObject): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0) || 0
}

/** A DeploymentCondition as stored in status.conditions. */
export interface DeploymentCondition {
  type: string
  status: string
  lastUpdateTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

/** SetDeploymentCondition: same status and reason changes nothing; otherwise replaced at the end. */
export function setCondition(conditions: DeploymentCondition[], c: DeploymentCondition): DeploymentCondition[] {
  const current = conditions.find((x) => x.type === c.type)
  if (current && current.status === c.status && current.reason === c.reason) return conditions
  const next = {...c}
  if (current && current.status === c.status) next.lastTransitionTime = current.lastTransitionTime
  return [...conditions.filter((x) => x.type !== c.type), next]
}
