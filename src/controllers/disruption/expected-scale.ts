// The disruption controller's getExpectedPodCount: how many pods a PDB expects. An integer minAvailable
// counts the pods it selects; maxUnavailable and a percentage minAvailable add up the scale of each
// pod's controller (a ReplicaSet's Deployment when it has one, else the ReplicaSet; a StatefulSet or any
// other owner with a scale), each controller once. A pod without a controller is unmanaged (reported,
// not counted); a controller that cannot be found is an error ("found no controllers for pod").
import type {KObject} from '../../api/types.js'
import type {ObjectCache} from '../types.js'

/** Owners the scale subresource serves, each with spec.replicas defaulting to 1. */
const SCALABLE = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'ReplicationController'])

type IntOrString = number | string

interface OwnerRef {
  kind: string
  name: string
  uid: string
}

const controllerOf = (o: KObject): OwnerRef | undefined => o.metadata.ownerReferences?.find((r) => r.controller)
const replicasOf = (o: KObject): number => (o.spec as {replicas?: number} | undefined)?.replicas ?? 1

/** The owner named by `ref` when it still is the object with that uid. */
function ownerOf(cache: ObjectCache, namespace: string, ref: OwnerRef): KObject | undefined {
  const o = cache.get(ref.kind, namespace, ref.name)
  return o && o.metadata.uid === ref.uid ? o : undefined
}

/** The finders in the controller's order: a ReplicaSet's Deployment first, then the owner's own scale. */
function controllerScale(cache: ObjectCache, namespace: string, ref: OwnerRef): {uid: string; scale: number} | undefined {
  if (ref.kind === 'ReplicaSet') {
    const rs = ownerOf(cache, namespace, ref)
    const dref = rs && controllerOf(rs)
    const deployment = dref?.kind === 'Deployment' ? ownerOf(cache, namespace, dref) : undefined
    if (deployment) return {uid: deployment.metadata.uid!, scale: replicasOf(deployment)}
  }
  if (!SCALABLE.has(ref.kind)) return undefined
  const owner = ownerOf(cache, namespace, ref)
  return owner ? {uid: owner.metadata.uid!, scale: replicasOf(owner)} : undefined
}

/** getExpectedScale: the sum of the controllers' scales, and the unmanaged pods' names. */
export function expectedScale(cache: ObjectCache, pods: readonly KObject[]): {expected: number; unmanaged: string[]} {
  const scales = new Map<string, number>()
  const unmanaged: string[] = []
  for (const pod of pods) {
    const ref = controllerOf(pod)
    if (!ref) {
      unmanaged.push(pod.metadata.name ?? '')
      continue
    }
    if (scales.has(ref.uid)) continue
    const found = controllerScale(cache, pod.metadata.namespace ?? '', ref)
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata.name}"`)
    scales.set(found.uid, found.scale)
  }
  let expected = 0
  for (const s of scales.values()) expected += s
  return {expected, unmanaged}
}

/** intstr.GetScaledValueFromIntOrPercent(v, total, roundUp=true). */
export function scaledValue(v: IntOrString, total: number): number {
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v)
  if (!m) throw new Error(`invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${v.replace(/%$/, '')}": invalid syntax`)
  return Math.ceil((Number(m[1]) * total) / 100)
}

/** getExpectedPodCount: expectedCount, desiredHealthy and the unmanaged pods of a PDB over its pods. */
export function expectedPodCount(cache: ObjectCache, spec: {minAvailable?: IntOrString | null; maxUnavailable?: IntOrString | null}, pods: readonly KObject[]): {expected: number; desired: number; unmanaged: string[]} {
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const {expected, unmanaged} = expectedScale(cache, pods)
    return {expected, desired: Math.max(0, expected - scaledValue(spec.maxUnavailable, expected)), unmanaged}
  }
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    if (typeof spec.minAvailable === 'number') return {expected: pods.length, desired: spec.minAvailable, unmanaged: []}
    const {expected, unmanaged} = expectedScale(cache, pods)
    return {expected, desired: scaledValue(spec.minAvailable, expected), unmanaged}
  }
  return {expected: 0, desired: 0, unmanaged: []}
}
