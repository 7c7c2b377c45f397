// Pod garbage collection (kube-controller-manager's podgc), orphan part: a pod bound to a node that no
// longer exists is, after a 40 s quarantine (the node might come back), marked Failed with a
// DisruptionTarget condition and force-deleted (grace 0): nobody else would ever finish it.
import type {Pod, PodCondition} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {isStatusError} from '../api/errors.js'
import {podType} from '../api/kinds/pod.js'
import {rfc3339} from '../api/types.js'
import {withCondition} from './taint-eviction.js'

/** podgc's quarantineTime. */
export const ORPHAN_QUARANTINE_MS = 40_000

const lostRace = (e: unknown): boolean => isStatusError(e, 'Conflict') || isStatusError(e, 'NotFound')

/** The condition PodGC adds to an orphan before deleting it. */
export function podGCCondition(now: Date): PodCondition {
  const c = {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(now), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists'}
  return c as unknown as PodCondition
}

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
    const next: KObject = structuredClone(pod)
    const status = (next.status ?? {}) as {phase?: string; conditions?: PodCondition[]}
    status.conditions = withCondition(status.conditions ?? [], podGCCondition(now))
    if (status.phase !== 'Succeeded' && status.phase !== 'Failed') status.phase = 'Failed'
    next.status = status
    try {
      ctx.api.update(next)
      ctx.api.delete(podType, pod.metadata!.namespace!, pod.metadata!.name!, {gracePeriodSeconds: 0, preconditions: {uid: pod.metadata!.uid}})
    } catch (error) {
      if (lostRace(error)) return false
      throw error
    }
    return true
  }
}
