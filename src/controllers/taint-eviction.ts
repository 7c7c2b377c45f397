// The taint eviction controller (kube-controller-manager's tainteviction): a pod on a node with
// NoExecute taints it does not tolerate is deleted at once; one it tolerates for a while is deleted
// when the shortest of those tolerations runs out (counted from the taint's timeAdded). Deleting means
// a DisruptionTarget condition, a TaintManagerEviction event and an ordinary graceful delete: on an
// unreachable node the pod then stays Terminating until its kubelet returns or the Node is deleted.
import type {Pod, Taint} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from './types.js'
import {keyOf, objectKey, onlyConditions, splitKey} from './keys.js'

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

/** The NoExecute taints of the node a pod is bound to. */
function noExecuteTaints(cache: ObjectCache, pod: KObject): Taint[] {
  const node = (pod.spec as {nodeName?: string} | undefined)?.nodeName
  return node ? (cache.get('Node', '', node)?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute') : []
}

/** NoExecute taint-based eviction, one pod per key. */
export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction'
  readonly watches: readonly Watch[] = [
    // a pod matters only on a node with NoExecute taints; a node's taints concern every pod on it
    {kind: 'Pod', map: (c, cache) => (c.object ? noExecuteTaints(cache, c.object).length > 0 : this.waiting.has(objectKey(c.namespace, c.name))) ? [objectKey(c.namespace, c.name)] : []},
    // the node's taints decide; its condition posts change nothing here
    {kind: 'Node', map: (c, cache) => (onlyConditions(c) ? [] : cache.podsOnNode(c.name).map(keyOf))},
  ]
  /**
   * pod key → the pod (uid) this controller found waiting out a toleration, and since when: the start of
   * the wait for taints without timeAdded, as the real taint manager's queue remembers it (and forgets it on restart)
   */
  private readonly waiting = new Map<string, {uid: string; since: number}>()

  // the pods on tainted nodes, and those found waiting (their node's taint may have gone meanwhile)
  keys(cache: ObjectCache): string[] {
    const tainted = cache
      .list('Node')
      .filter((n) => (n.spec?.taints ?? []).some((t) => t.effect === 'NoExecute'))
      .flatMap((n) => cache.podsOnNode(n.metadata.name!).map(keyOf))
    return [...new Set([...this.waiting.keys(), ...tainted])]
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    const {namespace, name} = splitKey(key)
    const pod = ctx.cache.get('Pod', namespace, name)
    const uid = pod?.metadata.uid ?? ''
    const taints = pod && !pod.metadata.deletionTimestamp ? noExecuteTaints(ctx.cache, pod) : []
    const known = this.waiting.get(key)
    const since = known?.uid === uid ? known.since : nowMs
    const at = pod && taints.length > 0 ? evictionTime(pod, taints, nowMs, since) : undefined
    if (at === undefined) {
      this.waiting.delete(key)
      return {}
    }
    if (at > nowMs) {
      this.waiting.set(key, {uid, since})
      return {requeueAfterMs: at - nowMs}
    }
    this.waiting.delete(key)
    return this.evict(ctx, pod!, now) ? {} : {requeueAfterMs: 1000}
  }

  // event, DisruptionTarget, graceful delete; false when the pod changed under us
  private evict(ctx: ControllerContext, pod: ObjectOf<'Pod'>, now: Date): boolean {
    const message = `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`
    const written = (involved: KObject) => ctx.recorder.record({involved, type: 'Normal', reason: 'TaintManagerEviction', message, source: {component: 'taint-eviction-controller'}})
    const condition = disruptionTarget(now, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint')
    return disruptAndDelete(ctx, pod, condition, {written})
  }
}
