// Pod helpers the ReplicaSet and Deployment controllers share (controller_utils.go, podutil): which
// pods count (active), which are ready and available, controller ownerReferences, and the order in
// which a ReplicaSet gives up pods when it scales down.
import type {OwnerReference} from 'kubernetes-types/meta/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'

type PodObject = ObjectOf<'Pod'>

/** FilterActivePods: not Succeeded or Failed, and not being deleted. */
export function isPodActive(o: PodObject): boolean {
  const phase = o.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !o.metadata.deletionTimestamp
}

function readyCondition(o: PodObject) {
  return (o.status?.conditions ?? []).find((c) => c.type === 'Ready')
}

/** IsPodReady: condition Ready is True. */
export function isPodReady(o: PodObject): boolean {
  return readyCondition(o)?.status === 'True'
}

/** IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(o: PodObject, minReadySeconds: number, now: Date): boolean {
  const c = readyCondition(o)
  if (c?.status !== 'True') return false
  if (minReadySeconds <= 0) return true
  const since = Date.parse(c.lastTransitionTime ?? '')
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= now.getTime()
}

/** When a ready pod becomes available (ms since epoch), for requeueing; undefined if not ready. */
export function availableAt(o: PodObject, minReadySeconds: number): number | undefined {
  const c = readyCondition(o)
  if (c?.status !== 'True') return undefined
  return Date.parse(c.lastTransitionTime ?? '') + minReadySeconds * 1000
}

/** GetControllerOf: the ownerReference with controller: true. */
export function controllerRefOf(o: KObject): OwnerReference | undefined {
  return (o.metadata.ownerReferences ?? []).find((r) => r.controller === true)
}

/** NewControllerRef: what a controller puts on what it creates or adopts. */
export function controllerRefFor(owner: KObject): OwnerReference {
  return {apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true}
}

const PHASE_RANK: Record<string, number> = {Pending: 0, Unknown: 1, Running: 2}

function readySince(o: PodObject): number {
  return Date.parse(readyCondition(o)?.lastTransitionTime ?? '') || 0
}

function restarts(o: PodObject): number {
  return Math.max(0, ...(o.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0))
}

function deletionCost(o: KObject): number {
  return Number(o.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0) || 0
}

/**
 * ActivePodsWithRanks ordering: the pods to delete first come first — unscheduled, then pending /
 * unknown / running, not ready, more pods of the set on the same node, lower deletion cost, ready
 * more recently, more restarts, newer.
 */
export function deletionOrder(pods: PodObject[]): PodObject[] {
  const perNode = new Map<string, number>()
  for (const p of pods) {
    const node = p.spec?.nodeName
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1)
  }
  const rank = (p: PodObject): number => perNode.get(p.spec?.nodeName ?? '') ?? 0
  const created = (p: KObject): number => Date.parse(p.metadata.creationTimestamp ?? '') || 0
  return [...pods].sort((a, b) => {
    const na = a.spec?.nodeName ? 1 : 0
    const nb = b.spec?.nodeName ? 1 : 0
    if (na !== nb) return na - nb
    const pa = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0
    const pb = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0
    if (pa !== pb) return pa - pb
    const ra = isPodReady(a) ? 1 : 0
    const rb = isPodReady(b) ? 1 : 0
    if (ra !== rb) return ra - rb
    if (rank(a) !== rank(b)) return rank(b) - rank(a)
    if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) - deletionCost(b)
    if (ra === 1 && readySince(a) !== readySince(b)) return readySince(b) - readySince(a)
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a)
    return created(b) - created(a)
  })
}
