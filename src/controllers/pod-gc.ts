// Pod garbage collection (kube-controller-manager's podgc) of pods no kubelet will finish, one pod per key:
// - a terminating pod on a node that is not Ready and carries the node.kubernetes.io/out-of-service taint
//   (non-graceful node shutdown) is marked Failed and force-deleted (gcTerminating);
// - a pod bound to a node that no longer exists is, after a 40 s quarantine (the node might come back),
//   marked Failed with a DisruptionTarget condition and force-deleted (grace 0): nobody else would ever
//   finish it (gcOrphaned).
// Terminated pods over the threshold are terminated-pod-gc.ts's.
import type {KObject, ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from './types.js'

import {keyOf, onlyConditions, splitKey} from './keys.js'

import {disruptAndDelete, disruptionTarget} from './disruption.js'
import {readyCondition} from './node-health.js'

/** podgc's quarantineTime. */
export const ORPHAN_QUARANTINE_MS = 40_000
/** v1.TaintNodeOutOfService */
export const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service'

const nodeNameOf = (pod: ObjectOf<'Pod'> | KObject | undefined): string | undefined => (pod?.spec as {nodeName?: string} | undefined)?.nodeName

/** The node a pod is bound to when the cache has no such node. */
function orphanedOn(pod: ObjectOf<'Pod'> | KObject | undefined, cache: ObjectCache): string | undefined {
  const node = nodeNameOf(pod)
  return node && !cache.get('Node', '', node) ? node : undefined
}

/** A terminating pod on a node that is not Ready and is tainted out-of-service. */
function outOfService(pod: ObjectOf<'Pod'> | KObject | undefined, cache: ObjectCache): boolean {
  const name = nodeNameOf(pod)
  if (!pod?.metadata.deletionTimestamp || !name) return false
  const node = cache.get('Node', '', name)
  return !!node && readyCondition(node)?.status !== 'True' && (node.spec?.taints ?? []).some((t) => t.key === OUT_OF_SERVICE_TAINT)
}

const collectable = (pod: ObjectOf<'Pod'> | KObject | undefined, cache: ObjectCache): boolean => !!orphanedOn(pod, cache) || outOfService(pod, cache)

/** Deletes the pods of deleted or shut-down nodes. Its memory (when a node was first seen missing) starts empty. */
export class PodGCController implements Controller {
  readonly name = 'pod-gc'
  readonly watches: readonly Watch[] = [
    // a pod matters only while its node is missing, or shut down while the pod terminates
    {kind: 'Pod', map: (c, cache) => (collectable(c.object, cache) ? [keyOf(c.object!)] : [])},
    // a node's deletion, return or taints concern the pods bound to it
    // a node gone, tainted or no longer Ready; its other condition posts change nothing here
    {kind: 'Node', map: (c, cache) => (onlyConditions(c) && readyCondition(c.previous as ObjectOf<'Node'>)?.status === readyCondition(c.object as ObjectOf<'Node'>)?.status ? [] : cache.podsOnNode(c.name).map(keyOf))},
  ]
  private readonly missingSince = new Map<string, number>()

  keys(cache: ObjectCache): string[] {
    return cache
      .list('Pod')
      .filter((p) => collectable(p, cache))
      .map(keyOf)
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    const {namespace, name} = splitKey(key)
    const pod = ctx.cache.get('Pod', namespace, name)
    const nodeName = pod?.spec?.nodeName
    if (!pod || !nodeName) return {}
    if (outOfService(pod, ctx.cache)) return disruptAndDelete(ctx, pod, undefined, {fail: true, gracePeriodSeconds: 0}) ? {} : {requeueAfterMs: 1000}
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
