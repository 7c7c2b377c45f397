// Pod garbage collection (kube-controller-manager's podgc), in its order:
// - terminated pods beyond --terminated-pod-gc-threshold (the cluster's terminatedPodGCThreshold, 12500 by
//   default, 0 turns it off) are deleted, evicted ones first, then the oldest, with grace 0;
// - terminating pods on a node that is not Ready and carries the node.kubernetes.io/out-of-service taint
//   (non-graceful node shutdown) are marked Failed and force-deleted: their kubelet will never finish them;
// - a pod bound to a node that no longer exists is, after a 40 s quarantine (the node might come back),
//   marked Failed with a DisruptionTarget condition and force-deleted (grace 0): nobody else would ever
//   finish it.
import type {ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {disruptAndDelete, disruptionTarget} from './disruption.js'
import {readyCondition} from './node-health.js'

/** podgc's quarantineTime. */
export const ORPHAN_QUARANTINE_MS = 40_000
/** v1.TaintNodeOutOfService */
export const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service'

type PodObject = ObjectOf<'Pod'>

const isTerminated = (pod: PodObject): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
const isEvicted = (pod: PodObject): boolean => pod.status?.phase === 'Failed' && pod.status?.reason === 'Evicted'

// byEvictionAndCreationTimestamp: evicted pods first, then the oldest, names breaking ties
function gcOrder(a: PodObject, b: PodObject): number {
  if (isEvicted(a) !== isEvicted(b)) return isEvicted(a) ? -1 : 1
  const ca = a.metadata.creationTimestamp ?? ''
  const cb = b.metadata.creationTimestamp ?? ''
  if (ca !== cb) return ca < cb ? -1 : 1
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0
}

/** Deletes finished pods over the threshold and the pods of deleted or shut-down nodes. Its memory (when a node was first seen missing) starts empty. */
export class PodGCController implements Controller {
  readonly name = 'pod-gc'
  readonly watches = ['Pod', 'Node']
  private readonly missingSince = new Map<string, number>()

  reconcile(ctx: ControllerContext): ReconcileResult {
    const pods = ctx.cache.list('Pod')
    const nodes = new Map(ctx.cache.list('Node').map((n) => [n.metadata.name!, n]))
    let retry = this.gcTerminated(ctx, pods)
    retry = this.gcOutOfService(ctx, pods, nodes) || retry
    const next = this.gcOrphaned(ctx, pods, nodes)
    const nowMs = ctx.clock.now().getTime()
    const at = Math.min(next ?? Infinity, retry ? nowMs + 1000 : Infinity)
    return at === Infinity ? {} : {requeueAfterMs: Math.max(0, at - nowMs)}
  }

  // true when a pod changed under us (retry soon)
  private gcTerminated(ctx: ControllerContext, pods: PodObject[]): boolean {
    const threshold = ctx.profile.terminatedPodGCThreshold
    if (!(threshold > 0)) return false
    const terminated = pods.filter(isTerminated)
    if (terminated.length <= threshold) return false
    let retry = false
    for (const pod of terminated.sort(gcOrder).slice(0, terminated.length - threshold)) retry = !disruptAndDelete(ctx, pod, undefined, {fail: true, gracePeriodSeconds: 0}) || retry
    return retry
  }

  private gcOutOfService(ctx: ControllerContext, pods: PodObject[], nodes: Map<string, ObjectOf<'Node'>>): boolean {
    let retry = false
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp || !pod.spec?.nodeName) continue
      const node = nodes.get(pod.spec.nodeName)
      if (!node || readyCondition(node)?.status === 'True' || !(node.spec?.taints ?? []).some((t) => t.key === OUT_OF_SERVICE_TAINT)) continue
      retry = !disruptAndDelete(ctx, pod, undefined, {fail: true, gracePeriodSeconds: 0}) || retry
    }
    return retry
  }

  // when the next quarantine ends (or a retry is due), if any
  private gcOrphaned(ctx: ControllerContext, pods: PodObject[], nodes: Map<string, unknown>): number | undefined {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    let next: number | undefined
    const missing = new Set<string>()
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName
      if (!nodeName || nodes.has(nodeName)) continue
      missing.add(nodeName)
      const since = this.missingSince.get(nodeName) ?? nowMs
      this.missingSince.set(nodeName, since)
      if (nowMs < since + ORPHAN_QUARANTINE_MS) {
        next = Math.min(next ?? Infinity, since + ORPHAN_QUARANTINE_MS)
        continue
      }
      // the quarantine is over: check with the API server itself before deleting
      if (ctx.api.peek('Node', '', nodeName)) continue
      const condition = disruptionTarget(now, 'DeletionByPodGC', 'PodGC: node no longer exists')
      if (!disruptAndDelete(ctx, pod, condition, {fail: true, gracePeriodSeconds: 0})) next = Math.min(next ?? Infinity, nowMs + 1000)
    }
    for (const name of [...this.missingSince.keys()]) if (!missing.has(name)) this.missingSince.delete(name)
    return next
  }
}
