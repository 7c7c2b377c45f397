// The persistent volume controller's writes (pv_controller.go bind): the volume's claimRef and its
// bound-by-controller annotation, the volume's phase, the claim's volumeName with bind-completed and
// bound-by-controller, then the claim's status: Bound, with the volume's access modes and capacity.
import type {KObject} from '../../api/types.js'
import type {ControllerContext} from '../types.js'

import {rfc3339} from '../../api/types.js'
import {phaseOf, refersTo, specOf} from './matching.js'

type Obj = Record<string, unknown>

const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'

/** Writes a volume's phase and the time it changed (the persistentvolume status strategy's lastPhaseTransitionTime). */
export function setPhase(ctx: ControllerContext, pv: KObject, phase: string): KObject {
  const status: Obj = {...(pv.status as Obj | undefined), phase, lastPhaseTransitionTime: rfc3339(ctx.clock.now())}
  return ctx.api.updateStatus({...pv, status})
}

/** The claimRef the controller writes: the claim's identity and the resourceVersion it saw. */
const claimRefOf = (pvc: KObject): Obj => ({
  kind: 'PersistentVolumeClaim',
  namespace: pvc.metadata.namespace,
  name: pvc.metadata.name,
  uid: pvc.metadata.uid,
  apiVersion: 'v1',
  resourceVersion: pvc.metadata.resourceVersion,
})

function bindVolume(ctx: ControllerContext, pv: KObject, pvc: KObject): KObject {
  const ref = specOf(pv).claimRef as Obj | undefined
  if (ref && refersTo(pv, pvc) && ref.uid === pvc.metadata.uid) return pv
  const annotations = ref ? pv.metadata.annotations : {...pv.metadata.annotations, [BOUND_BY_CONTROLLER]: 'yes'}
  return ctx.api.update({...pv, metadata: {...pv.metadata, annotations}, spec: {...specOf(pv), claimRef: claimRefOf(pvc)}})
}

function bindClaimSide(ctx: ControllerContext, pv: KObject, pvc: KObject): KObject {
  const annotations = {...pvc.metadata.annotations}
  const byController = !specOf(pvc).volumeName
  if (annotations[BIND_COMPLETED] === 'yes' && !byController) return pvc
  annotations[BIND_COMPLETED] = 'yes'
  if (byController) annotations[BOUND_BY_CONTROLLER] = 'yes'
  return ctx.api.update({...pvc, metadata: {...pvc.metadata, annotations}, spec: {...specOf(pvc), volumeName: pv.metadata.name}})
}

/** Binds the claim to the volume: both objects, then both statuses. */
export function bindClaim(ctx: ControllerContext, pv: KObject, pvc: KObject): void {
  const volume = bindVolume(ctx, pv, pvc)
  if (phaseOf(volume) !== 'Bound') setPhase(ctx, volume, 'Bound')
  const claim = bindClaimSide(ctx, volume, pvc)
  const status: Obj = {...(claim.status as Obj | undefined), phase: 'Bound', accessModes: specOf(volume).accessModes, capacity: specOf(volume).capacity}
  ctx.api.updateStatus({...claim, status})
}
