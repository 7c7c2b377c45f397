// The taint eviction controller (kube-controller-manager's tainteviction): a pod on a node with
// NoExecute taints it does not tolerate is deleted at once; one it tolerates for a while is deleted
// when the shortest of those tolerations runs out (counted from the taint's timeAdded). Deleting means
// a DisruptionTarget condition, a TaintManagerEviction event and an ordinary graceful delete: on an
// unreachable node the pod then stays Terminating until its kubelet returns or the Node is deleted.
import type {Pod, Taint} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'
import {clusterKeys, clusterWatches} from './keys.js'

import {disruptAndDelete, disruptionTarget} from './disruption.js'
import {toleratesTaint} from './scheduler/node-affinity.js'

/**
 * When a pod on a node with these NoExecute taints is to be evicted (ms since the epoch): `nowMs` for
 * a taint it does not tolerate, undefined when it tolerates them all forever. A toleration's time
 * counts from the taint's timeAdded, or from `sinceMs` for a taint without one (a user's `taint`).
 */
export function evictionTime(pod: Pod, taints: Taint[], nowMs: number, sinceMs = nowMs): number | undefined {
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'NoExecute')
  let at: number | undefined
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue
    // GetMatchingTolerations: the first toleration that tolerates the taint is the one used
    const used = tolerations.find((t) => toleratesTaint(t, taint))
    if (!used) return nowMs
    if (used.tolerationSeconds === undefined || used.tolerationSeconds === null) continue
    const added = Date.parse(taint.timeAdded ?? '')
    const start = Number.isNaN(added) ? sinceMs : added
    at = Math.min(at ?? Infinity, start + Math.max(0, used.tolerationSeconds) * 1000)
  }
  return at
}

/** NoExecute taint-based eviction. */
export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction'
  readonly watches = clusterWatches(['Node', 'Pod'])
  readonly keys = clusterKeys
  /**
   * pod uid → when this controller first found it waiting out a toleration: the start of the wait for
   * taints without timeAdded, as the real taint manager's queue remembers it (and forgets it on restart)
   */
  private readonly waiting = new Map<string, number>()

  reconcile(ctx: ControllerContext): ReconcileResult {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    const pods = ctx.cache.list('Pod')
    const stillWaiting = new Set<string>()
    let next: number | undefined
    for (const node of ctx.cache.list('Node')) {
      const taints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute')
      if (taints.length === 0) continue
      for (const pod of pods) {
        if (pod.spec?.nodeName !== node.metadata?.name || pod.metadata?.deletionTimestamp) continue
        const uid = pod.metadata?.uid ?? ''
        const since = this.waiting.get(uid) ?? nowMs
        const at = evictionTime(pod, taints, nowMs, since)
        if (at === undefined) continue
        if (at > nowMs) {
          this.waiting.set(uid, since)
          stillWaiting.add(uid)
          next = Math.min(next ?? Infinity, at)
          continue
        }
        if (!this.evict(ctx, pod, now)) next = Math.min(next ?? Infinity, nowMs + 1000)
      }
    }
    for (const uid of this.waiting.keys()) if (!stillWaiting.has(uid)) this.waiting.delete(uid)
    return next === undefined ? {} : {requeueAfterMs: Math.max(0, next - nowMs)}
  }

  // event, DisruptionTarget, graceful delete; false when the pod changed under us
  private evict(ctx: ControllerContext, pod: ObjectOf<'Pod'>, now: Date): boolean {
    const message = `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`
    const written = (involved: KObject) => ctx.recorder.record({involved, type: 'Normal', reason: 'TaintManagerEviction', message, source: {component: 'taint-eviction-controller'}})
    const condition = disruptionTarget(now, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint')
    return disruptAndDelete(ctx, pod, condition, {written})
  }
}
