// The node lifecycle controller's pure decisions: when a node's heartbeats count as stale, the node
// conditions it then writes (all Unknown), and the taints a node's Ready condition calls for.
import type {Node, NodeCondition, Taint} from 'kubernetes-types/core/v1.js'

import {rfc3339} from '../api/types.js'

/** The taint keys the node lifecycle controller owns. */
export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable'
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready'

/** The conditions a node monitor marks Unknown when the kubelet falls silent, in the kubelet's order. */
const MONITORED = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']

/** A node's Ready condition, if any. */
export function readyCondition(node: Node): NodeCondition | undefined {
  return (node.status?.conditions ?? []).find((c) => c.type === 'Ready')
}

/**
 * The node's conditions after the grace period passed without a heartbeat: every monitored condition
 * Unknown (`NodeStatusUnknown`), lastHeartbeatTime kept, lastTransitionTime moved where the status
 * changed. Undefined when they already are.
 */
export function unknownConditions(node: Node, now: Date): NodeCondition[] | undefined {
  const old = node.status?.conditions ?? []
  const stamp = rfc3339(now)
  let changed = false
  const out = old.map((c) => {
    if (!MONITORED.includes(c.type) || (c.status === 'Unknown' && c.reason === 'NodeStatusUnknown')) return c
    changed = true
    return {...c, status: 'Unknown', lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : stamp, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.'}
  })
  // a condition the kubelet never posted
  for (const type of MONITORED) {
    if (out.some((c) => c.type === type)) continue
    changed = true
    out.push({type, status: 'Unknown', lastHeartbeatTime: stamp, lastTransitionTime: stamp, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.'})
  }
  return changed ? out : undefined
}

/** The NoSchedule and NoExecute taints the Ready condition calls for: unreachable, not-ready or none. */
export function wantedTaintKey(node: Node): string | undefined {
  const status = readyCondition(node)?.status
  if (status === 'Unknown') return UNREACHABLE_TAINT_KEY
  if (status === 'False') return NOT_READY_TAINT_KEY
  return undefined
}

/**
 * The node's taints with the controller's taints made to match `key` (added with timeAdded, as
 * SwapNodeControllerTaint does; stale ones removed). Undefined when nothing changes.
 */
export function reconcileTaints(node: Node, key: string | undefined, now: Date): Taint[] | undefined {
  const taints = node.spec?.taints ?? []
  const owned = (t: Taint): boolean => (t.key === UNREACHABLE_TAINT_KEY || t.key === NOT_READY_TAINT_KEY) && (t.effect === 'NoSchedule' || t.effect === 'NoExecute')
  const keep = taints.filter((t) => !owned(t) || t.key === key)
  const add: Taint[] = []
  if (key) {
    for (const effect of ['NoSchedule', 'NoExecute']) {
      if (!keep.some((t) => t.key === key && t.effect === effect)) add.push({key, effect, timeAdded: rfc3339(now)})
    }
  }
  if (add.length === 0 && keep.length === taints.length) return undefined
  return [...keep, ...add]
}
