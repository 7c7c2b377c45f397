// calculateStatus of the ReplicaSet controller: counts over the set's active pods, and when the next
// pass is due because a ready pod becomes available after minReadySeconds.
import type {KObject, ObjectOf} from '../../api/types.js'

import {availableAt, isPodAvailable, isPodReady} from './workload-pods.js'

/** The status fields the controller owns, in the order the API prints them (sorted). */
export interface ReplicaSetStatus {
  availableReplicas: number
  fullyLabeledReplicas: number
  observedGeneration: number
  readyReplicas: number
  replicas: number
}

/** Counts for `active` (the set's active pods) at `now`, and the ms until a pod turns available. */
export function computeReplicaSetStatus(rs: KObject, active: ObjectOf<'Pod'>[], now: Date): {status: ReplicaSetStatus; requeueAfterMs?: number} {
  const spec = (rs.spec ?? {}) as {minReadySeconds?: number; template?: {metadata?: {labels?: Record<string, string>}}}
  const minReady = spec.minReadySeconds ?? 0
  const templateLabels = spec.template?.metadata?.labels ?? {}
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  let soonest: number | undefined
  for (const pod of active) {
    const labels = pod.metadata.labels ?? {}
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++
    if (isPodReady(pod)) ready++
    if (isPodAvailable(pod, minReady, now)) available++
    else {
      const at = availableAt(pod, minReady)
      if (at !== undefined) soonest = Math.min(soonest ?? at, at)
    }
  }
  // apps/v1 omits zero counts (omitempty) except replicas
  const status = {replicas: active.length} as ReplicaSetStatus
  if (available > 0) status.availableReplicas = available
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled
  status.observedGeneration = rs.metadata.generation ?? 1
  if (ready > 0) status.readyReplicas = ready
  return {status, requeueAfterMs: soonest === undefined ? undefined : Math.max(1, soonest - now.getTime())}
}
