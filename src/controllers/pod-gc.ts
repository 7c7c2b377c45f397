// Pod garbage collection (kube-controller-manager's podgc), orphan part: a pod bound to a node that no
// longer exists is, after a 40 s quarantine (the node might come back), marked Failed with a
// DisruptionTarget condition and force-deleted (grace 0): nobody else would ever finish it.
import type {KObject, ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from './types.js'

import {keyOf, splitKey} from './keys.js'

import {disruptAndDelete, disruptionTarget} from './disruption.js'

/** The node a pod is bound to when the cache has no such node. */
function orphanedOn(pod: ObjectOf<'Pod'> | KObject | undefined, cache: ObjectCache): string | undefined {
  const node = (pod?.spec as {nodeName?: string} | undefined)?.nodeName
  return node && !cache.get('Node', '', node) ? node : undefined
}

/** podgc's quarantineTime. */
export const ORPHAN_QUARANTINE_MS = 40_000

/** Deletes the pods of deleted nodes, one pod per key. Its memory (when a node was first seen missing) starts empty. */
export class PodGCController implements Controller {
  readonly name = 'pod-gc'
  readonly watches: readonly Watch[] = [
    // a pod matters only while the node it is bound to is missing
    {kind: 'Pod', map: (c, cache) => (orphanedOn(c.object, cache) ? [keyOf(c.object!)] : [])},
    // a node's deletion (or return) concerns the pods bound to it
    {kind: 'Node', map: (c, cache) => cache.podsOnNode(c.name).map(keyOf)},
  ]
  private readonly missingSince = new Map<string, number>()

  keys(cache: ObjectCache): string[] {
    return cache
      .list('Pod')
      .filter((p) => orphanedOn(p, cache))
      .map(keyOf)
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    const {namespace, name} = splitKey(key)
    const pod = ctx.cache.get('Pod', namespace, name)
    const nodeName = pod?.spec?.nodeName
    if (!pod || !nodeName) return {}
    if (!orphanedOn(pod, ctx.cache)) {
      // the node is there (again): a later disappearance starts a new quarantine
      this.missingSince.delete(nodeName)
      return {}
    }
    const since = this.missingSince.get(nodeName) ?? nowMs
    this.missingSince.set(nodeName, since)
    if (nowMs < since + ORPHAN_QUARANTINE_MS) return {requeueAfterMs: since + ORPHAN_QUARANTINE_MS - nowMs}
    // the quarantine is over: check with the API server itself before deleting
    if (ctx.api.peek('Node', '', nodeName)) {
      this.missingSince.delete(nodeName)
      return {}
    }
    return this.collect(ctx, pod, now) ? {} : {requeueAfterMs: 1000}
  }

  // Failed + DisruptionTarget, then a force delete; false when the pod changed under us
  private collect(ctx: ControllerContext, pod: ObjectOf<'Pod'>, now: Date): boolean {
    return disruptAndDelete(ctx, pod, disruptionTarget(now, 'DeletionByPodGC', 'PodGC: node no longer exists'), {fail: true, gracePeriodSeconds: 0})
  }
}
