// How the persistent volume controller chooses a volume for a claim (pkg/controller/volume/persistentvolume
// index.go FindMatchingVolume and checkVolumeSatisfyClaim): a volume pre-bound to the claim if it
// satisfies it, else the smallest Available volume of the claim's class and volume mode whose labels
// match the claim's selector, whose access modes include the claim's and whose capacity covers its request.
import type {KObject} from '../../api/types.js'

import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'
import {parseQuantity, type Quantity} from '../../machinery/quantity.js'

type Obj = Record<string, unknown>

export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

export const specOf = (o: KObject): Obj => (o.spec ?? {}) as Obj
export const phaseOf = (o: KObject): string => ((o.status as Obj | undefined)?.phase as string | undefined) ?? ''

/** GetPersistentVolumeClass / GetPersistentVolumeClaimClass: the beta annotation, else storageClassName. */
export function classOf(o: KObject): string {
  const annotated = o.metadata.annotations?.[BETA_CLASS_ANNOTATION]
  return annotated ?? ((specOf(o).storageClassName as string | undefined) ?? '')
}

const storageOf = (list: unknown): Quantity | undefined => parseQuantity(((list ?? {}) as Obj).storage as string | undefined)
export const requestOf = (pvc: KObject): Quantity | undefined => storageOf((specOf(pvc).resources as Obj | undefined)?.requests)
export const capacityOf = (pv: KObject): Quantity | undefined => storageOf(specOf(pv).capacity)

const modesOf = (o: KObject): string[] => (specOf(o).accessModes as string[] | undefined) ?? []
const volumeModeOf = (o: KObject): string => (specOf(o).volumeMode as string | undefined) ?? 'Filesystem'

/** Whether the volume's claimRef names this claim (by namespace and name, and uid when it has one). */
export function refersTo(pv: KObject, pvc: KObject): boolean {
  const ref = specOf(pv).claimRef as Obj | undefined
  if (!ref || ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace) return false
  return !ref.uid || ref.uid === pvc.metadata.uid
}

/** checkVolumeSatisfyClaim: capacity, class, access modes and volume mode. */
export function satisfies(pv: KObject, pvc: KObject): boolean {
  const [capacity, request] = [capacityOf(pv), requestOf(pvc)]
  if (!capacity || !request || capacity.cmp(request) < 0) return false
  if (classOf(pv) !== classOf(pvc)) return false
  const modes = modesOf(pv)
  return modesOf(pvc).every((m) => modes.includes(m)) && volumeModeOf(pv) === volumeModeOf(pvc)
}

function selectorMatches(pv: KObject, pvc: KObject): boolean {
  const raw = specOf(pvc).selector
  if (raw == null) return true
  try {
    return matchLabelSelector(labelSelectorFromObject(raw as never), pv.metadata.labels)
  } catch {
    return false
  }
}

/** The volume the claim should bind to, or undefined. */
export function findMatchingVolume(pvc: KObject, volumes: KObject[]): KObject | undefined {
  let best: KObject | undefined
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue
    if (refersTo(pv, pvc)) {
      if (satisfies(pv, pvc)) return pv
      continue
    }
    if (specOf(pv).claimRef != null || phaseOf(pv) !== 'Available') continue
    if (!selectorMatches(pv, pvc) || !satisfies(pv, pvc)) continue
    if (!best || capacityOf(pv)!.cmp(capacityOf(best)!) < 0) best = pv
  }
  return best
}
