// Pod garbage collection (kube-controller-manager's podgc), terminated part (gcTerminated): finished
// pods (Succeeded or Failed) beyond --terminated-pod-gc-threshold (the cluster's terminatedPodGCThreshold,
// 12500 by default, 0 turns it off) are deleted with grace 0, evicted ones first, then the oldest, names
// breaking ties. A sweep of the whole cluster, run when a pod has finished.
import type {KObject, ObjectOf} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult, Watch} from './types.js'

import {CLUSTER_KEY, clusterKeys} from './keys.js'
import {disruptAndDelete} from './disruption.js'

type PodObject = ObjectOf<'Pod'>

const isTerminated = (pod: KObject | PodObject | undefined): boolean => {
  const phase = (pod?.status as {phase?: string} | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}
const isEvicted = (pod: PodObject): boolean => pod.status?.phase === 'Failed' && pod.status?.reason === 'Evicted'

// byEvictionAndCreationTimestamp
function gcOrder(a: PodObject, b: PodObject): number {
  if (isEvicted(a) !== isEvicted(b)) return isEvicted(a) ? -1 : 1
  const ca = a.metadata.creationTimestamp ?? ''
  const cb = b.metadata.creationTimestamp ?? ''
  if (ca !== cb) return ca < cb ? -1 : 1
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0
}

/** Deletes the oldest finished pods over the threshold. Keeps no memory. */
export class TerminatedPodGCController implements Controller {
  readonly name = 'terminated-pod-gc'
  // only a finished pod can take the count over the threshold
  readonly watches: readonly Watch[] = [{kind: 'Pod', map: (c) => (isTerminated(c.object) ? [CLUSTER_KEY] : [])}]
  readonly keys = clusterKeys

  reconcile(ctx: ControllerContext): ReconcileResult {
    const threshold = ctx.profile.terminatedPodGCThreshold
    if (!(threshold > 0)) return {}
    const terminated = ctx.cache.list('Pod').filter(isTerminated)
    if (terminated.length <= threshold) return {}
    let retry = false
    for (const pod of terminated.sort(gcOrder).slice(0, terminated.length - threshold)) retry = !disruptAndDelete(ctx, pod, undefined, {fail: true, gracePeriodSeconds: 0}) || retry
    return retry ? {requeueAfterMs: 1000} : {}
  }
}
