// Pod garbage collection (kube-controller-manager's podgc), orphan part: a pod bound to a node that no
// longer exists is, after a 40 s quarantine (the node might come back), marked Failed with a
// DisruptionTarget condition and force-deleted (grace 0): nobody else would ever finish it.
import type {ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {disruptAndDelete, disruptionTarget} from './disruption.js'

/** podgc's quarantineTime. */
export const ORPHAN_QUARANTINE_MS = 40_000

/** Deletes the pods of deleted nodes. Its memory (when a node was first seen missing) starts empty. */
export class PodGCController implements Controller {
  readonly name = 'pod-gc'
  readonly watches = ['Pod', 'Node']
  private readonly missingSince = new Map<string, number>()

  reconcile(ctx: ControllerContext): ReconcileResult {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    const nodes = new Set(ctx.cache.list('Node').map((n) => n.metadata.name!))
    let next: number | undefined
    const missing = new Set<string>()
    for (const pod of ctx.cache.list('Pod')) {
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
      if (!this.collect(ctx, pod, now)) next = Math.min(next ?? Infinity, nowMs + 1000)
    }
    for (const name of [...this.missingSince.keys()]) if (!missing.has(name)) this.missingSince.delete(name)
    return next === undefined ? {} : {requeueAfterMs: Math.max(0, next - nowMs)}
  }

  // Failed + DisruptionTarget, then a force delete; false when the pod changed under us
  private collect(ctx: ControllerContext, pod: ObjectOf<'Pod'>, now: Date): boolean {
    return disruptAndDelete(ctx, pod, disruptionTarget(now, 'DeletionByPodGC', 'PodGC: node no longer exists'), {fail: true, gracePeriodSeconds: 0})
  }
}
