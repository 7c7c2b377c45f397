// The persistent volume controller (kube-controller-manager's persistentvolume-binder-controller), for the
// whole cluster in one key: an unclaimed volume becomes Available; an unbound claim gets the default
// StorageClass once one exists, then the best matching volume (matching.ts), both sides written as
// Kubernetes does (claimRef and bound-by-controller on the volume, volumeName and bind-completed on the
// claim, then both statuses Bound); a claim with nothing to bind stays Pending with the controller's event
// (no class set, delayed binding, a missing class, or an external provisioner to wait for); a volume whose
// claim is gone is Released (Retain), deleted (Delete: as a provisioner would), or made Available again
// (Recycle: its recycler succeeds at once); a bound claim whose volume is gone is Lost.
import type {KObject} from '../../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from '../types.js'

import {persistentVolumeType} from '../../api/kinds/persistentvolume.js'
import {defaultStorageClassName} from '../../api/kinds/storageclass-default.js'
import {clusterKeys, clusterWatches} from '../keys.js'
import {lostRace} from '../writes.js'
import {BETA_CLASS_ANNOTATION, classOf, findMatchingVolume, phaseOf, refersTo, specOf} from './matching.js'
import {bindClaim, setPhase} from './bind.js'

const SOURCE = {component: 'persistentvolume-controller'}
const PROVISIONER_ANNOTATIONS = ['volume.beta.kubernetes.io/storage-provisioner', 'volume.kubernetes.io/storage-provisioner']

export class PersistentVolumeController implements Controller {
  readonly name = 'persistentvolume-binder'
  readonly watches = clusterWatches(['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass'])
  readonly keys = clusterKeys
  /** the events already recorded, `uid/reason` (the real controller repeats them every resync) */
  readonly #told = new Set<string>()

  reconcile(ctx: ControllerContext): ReconcileResult {
    for (const pv of ctx.cache.list('PersistentVolume')) this.attempt(() => this.syncVolume(ctx, pv))
    for (const pvc of ctx.cache.list('PersistentVolumeClaim')) this.attempt(() => this.syncClaim(ctx, pvc))
    return {}
  }

  private attempt(fn: () => void): void {
    try {
      fn()
    } catch (error) {
      if (!lostRace(error)) throw error
    }
  }

  private syncVolume(ctx: ControllerContext, pv: KObject): void {
    const ref = specOf(pv).claimRef as {namespace?: string; name?: string; uid?: string} | undefined
    if (!ref) return void (phaseOf(pv) !== 'Available' && setPhase(ctx, pv, 'Available'))
    const claim = ctx.cache.get('PersistentVolumeClaim', ref.namespace ?? '', ref.name ?? '')
    const claimGone = ref.uid !== undefined && ref.uid !== '' && (!claim || claim.metadata.uid !== ref.uid)
    if (!claimGone) {
      // pre-bound to a claim not bound yet: Available until the claim binds it
      const bound = claim && refersTo(pv, claim) && specOf(claim).volumeName === pv.metadata.name
      const want = bound ? 'Bound' : 'Available'
      if (phaseOf(pv) !== want && phaseOf(pv) !== 'Released') setPhase(ctx, pv, want)
      return
    }
    // released first (so pv-protection lets a deleted volume go), then reclaimed by its policy
    const released = phaseOf(pv) === 'Released' || phaseOf(pv) === 'Failed' ? pv : setPhase(ctx, pv, 'Released')
    if (released.metadata.deletionTimestamp) return
    const policy = specOf(released).persistentVolumeReclaimPolicy
    if (policy === 'Delete') return void ctx.api.delete(persistentVolumeType, '', released.metadata.name!)
    if (policy === 'Recycle') {
      const spec = {...specOf(released)}
      delete spec.claimRef
      setPhase(ctx, ctx.api.update({...released, spec}), 'Available')
    }
  }

  private syncClaim(ctx: ControllerContext, pvc: KObject): void {
    if (pvc.metadata.deletionTimestamp) return
    const volumeName = specOf(pvc).volumeName as string | undefined
    const completed = pvc.metadata.annotations?.['pv.kubernetes.io/bind-completed'] === 'yes'
    if (volumeName && completed) return this.syncBoundClaim(ctx, pvc, volumeName)
    if (specOf(pvc).storageClassName == null && pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] === undefined) {
      const name = defaultStorageClassName({listObjects: (kind: string) => ctx.cache.list(kind)} as never)
      if (name !== undefined) return void ctx.api.update({...pvc, spec: {...specOf(pvc), storageClassName: name}})
    }
    const volumes = volumeName ? [ctx.cache.get('PersistentVolume', '', volumeName)].filter((v): v is KObject => v !== undefined) : ctx.cache.list('PersistentVolume')
    const cls = classOf(pvc)
    const sc = cls === '' ? undefined : ctx.cache.get('StorageClass', '', cls)
    const delayed = sc?.volumeBindingMode === 'WaitForFirstConsumer'
    const pv = delayed && !volumeName ? undefined : findMatchingVolume(pvc, volumes)
    if (pv) return void bindClaim(ctx, pv, pvc)
    if (volumeName) return
    if (delayed) return this.event(ctx, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding')
    if (cls === '') return this.event(ctx, pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set')
    if (!sc) return this.event(ctx, pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${cls}" not found`)
    this.waitForProvisioner(ctx, pvc, String(sc.provisioner ?? ''))
  }

  // the claim names an external provisioner, which ksim does not run: the claim waits, as it would for one that is down
  private waitForProvisioner(ctx: ControllerContext, pvc: KObject, provisioner: string): void {
    const annotations = pvc.metadata.annotations ?? {}
    if (PROVISIONER_ANNOTATIONS.some((a) => annotations[a] !== provisioner)) {
      const next = {...annotations, ...Object.fromEntries(PROVISIONER_ANNOTATIONS.map((a) => [a, provisioner]))}
      ctx.api.update({...pvc, metadata: {...pvc.metadata, annotations: next}})
    }
    this.event(ctx, pvc, 'Normal', 'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`)
  }

  private syncBoundClaim(ctx: ControllerContext, pvc: KObject, volumeName: string): void {
    const pv = ctx.cache.get('PersistentVolume', '', volumeName)
    if (!pv || !refersTo(pv, pvc)) {
      if (phaseOf(pvc) === 'Lost') return
      ctx.api.updateStatus({...pvc, status: {...(pvc.status as object), phase: 'Lost'}})
      const message = pv ? 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!' : 'Bound claim has lost its PersistentVolume. Data on the volume is lost!'
      return this.event(ctx, pvc, 'Warning', 'ClaimLost', message)
    }
    if (phaseOf(pvc) !== 'Bound') bindClaim(ctx, pv, pvc)
  }

  private event(ctx: ControllerContext, involved: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const key = `${involved.metadata.uid}/${reason}`
    if (this.#told.has(key)) return
    this.#told.add(key)
    ctx.recorder.record({involved, type, reason, message, source: SOURCE})
  }
}

