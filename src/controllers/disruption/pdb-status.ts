// The disruption controller's arithmetic over one PDB's pods at `now` (buildDisruptedPodMap,
// countHealthyPods, updatePdbStatus): disruptedPods entries the eviction handler added stay until the pod
// is deleting or two minutes have passed; a pod counts as healthy when Ready, not deleting and not in
// that map; disruptionsAllowed is currentHealthy - desiredHealthy, never below 0, and 0 while no pods
// are expected.
import type {KObject} from '../../api/types.js'

import {podIsReady} from '../../api/disruption-budgets.js'

/** DeletionTimeout: how long an eviction's entry in disruptedPods holds a pod out of the healthy count. */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000

/** The counts the controller writes. */
export interface PdbCounts {
  currentHealthy: number
  desiredHealthy: number
  expectedPods: number
  disruptionsAllowed: number
  disruptedPods: Record<string, string>
}

/** buildDisruptedPodMap: the entries still pending, the pods whose entry expired, and when the next one expires (ms). */
export function disruptedPodMap(pods: readonly KObject[], previous: Record<string, string> | undefined, now: Date): {kept: Record<string, string>; expired: KObject[]; recheckAt?: number} {
  const kept: Record<string, string> = {}
  const expired: KObject[] = []
  let recheckAt: number | undefined
  if (!previous) return {kept, expired}
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue
    const at = previous[pod.metadata.name ?? '']
    if (at === undefined) continue
    const expected = Date.parse(at) + DELETION_TIMEOUT_MS
    if (expected < now.getTime()) expired.push(pod)
    else {
      recheckAt = Math.min(recheckAt ?? expected, expected)
      kept[pod.metadata.name ?? ''] = at
    }
  }
  return {kept, expired, recheckAt}
}

/** countHealthyPods: Ready pods, not deleting and not about to be (an unexpired disruptedPods entry). */
export function countHealthy(pods: readonly KObject[], disrupted: Record<string, string>, now: Date): number {
  let healthy = 0
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue
    const at = disrupted[pod.metadata.name ?? '']
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > now.getTime()) continue
    if (podIsReady(pod)) healthy++
  }
  return healthy
}

/** updatePdbStatus' budget: nothing while no pod is expected or the healthy count is at or under the desired one. */
export function disruptionsAllowed(currentHealthy: number, desiredHealthy: number, expectedPods: number): number {
  const allowed = currentHealthy - desiredHealthy
  return expectedPods <= 0 || allowed <= 0 ? 0 : allowed
}
