// A kubelet's heartbeats: it renews its node Lease (kube-node-lease/<node>) every 10 s and posts the
// node's conditions when they change, or every 5 minutes otherwise (nodeStatusReportFrequency), which is
// when lastHeartbeatTime moves. A node annotated `ksim.io/kubelet-stopped: "true"` has no kubelet.
import type {Node, NodeCondition} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'

import {microTime, type LeaseSpec} from '../../api/kinds/lease.js'
import {rfc3339} from '../../api/types.js'

/** Set on a node whose kubelet is stopped (`ksim node stop`): nobody heartbeats or runs its pods. */
export const KUBELET_STOPPED_ANNOTATION = 'ksim.io/kubelet-stopped'
/** Where node leases live. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease'
/** nodeLeaseDurationSeconds */
export const NODE_LEASE_DURATION_SECONDS = 40
/** renewInterval = 0.25 × leaseDuration */
export const LEASE_RENEW_MS = 10_000
/** nodeStatusReportFrequency: an unchanged node status is posted this often */
export const NODE_STATUS_REPORT_MS = 5 * 60_000

/** Whether the node has a running kubelet. */
export function kubeletRunning(node: KObject): boolean {
  return node.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION] !== 'true'
}

/** The conditions a healthy kubelet reports, in its order. */
const HEALTHY: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
]

/** The writes one heartbeat needs. */
export interface HeartbeatPlan {
  /** a Lease to create (no resourceVersion) or update */
  lease?: KObject
  /** the node with refreshed conditions */
  node?: KObject
  nextAtMs: number
}

function nodeConditions(node: Node, now: Date): {conditions: NodeCondition[]; changed: boolean; nextMs: number} {
  const old = node.status?.conditions ?? []
  const stamp = rfc3339(now)
  let changed = false
  const conditions = HEALTHY.map(([type, status, reason, message]) => {
    const prev = old.find((c) => c.type === type)
    if (!prev || prev.status !== status || prev.reason !== reason || prev.message !== message) changed = true
    const since = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : stamp
    return {type, status, lastHeartbeatTime: stamp, lastTransitionTime: since, reason, message}
  })
  const extra = old.filter((c) => !HEALTHY.some(([t]) => t === c.type))
  const beat = Date.parse(old.find((c) => c.type === 'Ready')?.lastHeartbeatTime ?? '')
  const due = Number.isNaN(beat) ? now.getTime() : beat + NODE_STATUS_REPORT_MS
  if (now.getTime() >= due) changed = true
  return {conditions: [...conditions, ...extra], changed, nextMs: changed ? now.getTime() + NODE_STATUS_REPORT_MS : due}
}

/** Plans the lease renewal and node status post due at `now`. */
export function planHeartbeat(node: ObjectOf<'Node'>, lease: KObject | undefined, now: Date): HeartbeatPlan {
  const name = node.metadata.name!
  const spec = (lease?.spec ?? {}) as LeaseSpec
  const renewed = Date.parse(spec.renewTime ?? '')
  let leaseWrite: KObject | undefined
  let leaseNext = Number.isNaN(renewed) ? now.getTime() : renewed + LEASE_RENEW_MS
  if (!lease || now.getTime() >= leaseNext || spec.holderIdentity !== name) {
    const base: KObject = lease
      ? structuredClone(lease)
      : {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [{apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid!}]},
        }
    base.spec = {holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(now)}
    leaseWrite = base
    leaseNext = now.getTime() + LEASE_RENEW_MS
  }
  const {conditions, changed, nextMs} = nodeConditions(node, now)
  let nodeWrite: KObject | undefined
  if (changed) {
    nodeWrite = structuredClone(node)
    nodeWrite.status = {...(nodeWrite.status as object), conditions}
  }
  return {lease: leaseWrite, node: nodeWrite, nextAtMs: Math.min(leaseNext, nextMs)}
}
