// The pv-protection and pvc-protection controllers (kube-controller-manager's storage object in-use
// protection): a deleted PersistentVolume keeps its kubernetes.io/pv-protection finalizer while it is
// Bound; a deleted PersistentVolumeClaim keeps kubernetes.io/pvc-protection while a pod of its namespace
// that has not finished (neither Succeeded nor Failed) names it in a volume. Once unused, the finalizer
// goes and the API server removes the object.
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {PV_PROTECTION_FINALIZER} from '../api/kinds/persistentvolume.js'
import {PVC_PROTECTION_FINALIZER} from '../api/kinds/persistentvolumeclaim.js'
import {clusterKeys, clusterWatches} from './keys.js'
import {lostRace} from './writes.js'

type Volume = {persistentVolumeClaim?: {claimName?: string}; ephemeral?: unknown; name?: string}

/** Whether a running (or not yet finished) pod of the claim's namespace uses it, directly or as an ephemeral volume. */
function claimInUse(pods: KObject[], pvc: KObject): boolean {
  return pods.some((pod) => {
    const phase = (pod.status as {phase?: string} | undefined)?.phase
    if (phase === 'Succeeded' || phase === 'Failed') return false
    const volumes = ((pod.spec as {volumes?: Volume[]} | undefined)?.volumes ?? [])
    return volumes.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name || (v.ephemeral != null && `${pod.metadata.name}-${v.name}` === pvc.metadata.name))
  })
}

const phaseOf = (o: KObject): string | undefined => (o.status as {phase?: string} | undefined)?.phase

export class VolumeProtectionController implements Controller {
  readonly name = 'volume-protection'
  readonly watches = clusterWatches(['PersistentVolume', 'PersistentVolumeClaim', 'Pod'])
  readonly keys = clusterKeys

  reconcile(ctx: ControllerContext): ReconcileResult {
    for (const pv of ctx.cache.list('PersistentVolume')) {
      if (pv.metadata.deletionTimestamp && phaseOf(pv) !== 'Bound') this.release(ctx, pv, PV_PROTECTION_FINALIZER)
    }
    for (const pvc of ctx.cache.list('PersistentVolumeClaim')) {
      if (!pvc.metadata.deletionTimestamp) continue
      if (!claimInUse(ctx.cache.list('Pod', pvc.metadata.namespace), pvc)) this.release(ctx, pvc, PVC_PROTECTION_FINALIZER)
    }
    return {}
  }

  private release(ctx: ControllerContext, obj: KObject, finalizer: string): void {
    const finalizers = obj.metadata.finalizers ?? []
    if (!finalizers.includes(finalizer)) return
    try {
      ctx.api.update({...obj, metadata: {...obj.metadata, finalizers: finalizers.filter((f) => f !== finalizer)}})
    } catch (error) {
      if (!lostRace(error)) throw error
    }
  }
}
