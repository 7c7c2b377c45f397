// updateDaemonSetStatus: per node that should run the pod, whether one is scheduled, and whether the
// oldest is ready, available and at the current revision; pods on nodes that should not run one are
// misscheduled; and when the next ready pod turns available (minReadySeconds).
import type {Node} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'

import {compareText} from '../../api/types.js'
import {availableAt as readyUntil, isPodAvailable, isPodReady} from '../deployment/workload-pods.js'
import {nodeShouldRunDaemonPod} from './nodes.js'
import {isPodUpdated} from './update.js'

type PodObject = ObjectOf<'Pod'>

const byAge = (a: KObject, b: KObject): number => compareText(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') || compareText(a.metadata.name ?? '', b.metadata.name ?? '')

/** The counts (apps/v1 omits numberAvailable, numberUnavailable and updatedNumberScheduled at 0). */
export function daemonSetStatus(ds: KObject, nodes: Node[], byNode: Map<string, PodObject[]>, hash: string, now: Date): {status: Record<string, number>; availableAt?: number} {
  const minReady = ((ds.spec ?? {}) as {minReadySeconds?: number}).minReadySeconds ?? 0
  let desired = 0
  let current = 0
  let ready = 0
  let available = 0
  let updated = 0
  let misscheduled = 0
  let soonest: number | undefined
  for (const node of nodes) {
    const pods = byNode.get(node.metadata?.name ?? '') ?? []
    if (!nodeShouldRunDaemonPod(ds, node).shouldRun) {
      if (pods.length > 0) misscheduled++
      continue
    }
    desired++
    if (pods.length === 0) continue
    current++
    const pod = [...pods].sort(byAge)[0]
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReady, now)) available++
      else {
        const at = readyUntil(pod, minReady)
        if (at !== undefined) soonest = Math.min(soonest ?? at, at)
      }
    }
    if (isPodUpdated(ds, hash, pod)) updated++
  }
  const status: Record<string, number> = {currentNumberScheduled: current, desiredNumberScheduled: desired}
  if (available > 0) status.numberAvailable = available
  status.numberMisscheduled = misscheduled
  status.numberReady = ready
  if (desired - available > 0) status.numberUnavailable = desired - available
  status.observedGeneration = ds.metadata.generation ?? 1
  if (updated > 0) status.updatedNumberScheduled = updated
  return {status, availableAt: soonest}
}
