// The DaemonSet's RollingUpdate (update.go rollingUpdate): with maxSurge 0, old pods are deleted (the
// manage step then creates the new ones) while at most maxUnavailable nodes lack an available pod — an
// old pod that is not available is replaced at once; with maxSurge, a new pod is started beside the old
// one on up to maxSurge nodes and the old one deleted once the new one is available. Both counts are
// scaled against the number of nodes that should run the pod, rounding up; both 0 means 1 unavailable.
import type {Node} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'

import {isPodAvailable} from '../deployment/workload-pods.js'
import {scaledValue} from '../deployment/util.js'
import {REVISION_LABEL, GENERATION_LABEL, nodeShouldRunDaemonPod, templateGeneration} from './nodes.js'

type PodObject = ObjectOf<'Pod'>

/** IsPodUpdated: the pod carries the current hash (or the current template generation). */
export function isPodUpdated(ds: KObject, hash: string, pod: KObject): boolean {
  const gen = templateGeneration(ds)
  return (hash !== '' && pod.metadata.labels?.[REVISION_LABEL] === hash) || (gen !== undefined && pod.metadata.labels?.[GENERATION_LABEL] === gen)
}

interface RollingUpdate {
  maxUnavailable?: number | string
  maxSurge?: number | string
}

const rollingOf = (ds: KObject): RollingUpdate => ((ds.spec ?? {}) as {updateStrategy?: {rollingUpdate?: RollingUpdate}}).updateStrategy?.rollingUpdate ?? {}

/** Whether the DaemonSet surges (maxSurge above 0). */
export const allowsSurge = (ds: KObject, desired = 1): boolean => scaledValue(rollingOf(ds).maxSurge, desired, true) > 0

/** updatedDesiredNodeCounts: [maxSurge, maxUnavailable]. */
function fenceposts(ds: KObject, desired: number): [number, number] {
  const ru = rollingOf(ds)
  const surge = scaledValue(ru.maxSurge ?? 0, desired, true)
  let unavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return [surge, unavailable]
}

/** findUpdatedPodsOnNode: the node's one new and one old pod (not terminating); undefined for more of either. */
function podsOnNode(ds: KObject, hash: string, pods: PodObject[]): {newPod?: PodObject; oldPod?: PodObject} | undefined {
  let newPod: PodObject | undefined
  let oldPod: PodObject | undefined
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue
    if (isPodUpdated(ds, hash, pod)) {
      if (newPod) return undefined
      newPod = pod
    } else {
      if (oldPod) return undefined
      oldPod = pod
    }
  }
  return {newPod, oldPod}
}

/** The pods to delete and the nodes to start a surge pod on, for one pass. */
export function rollingUpdate(ds: KObject, hash: string, nodes: Node[], byNode: Map<string, PodObject[]>, now: Date): {deletes: PodObject[]; surgeNodes: string[]} {
  const minReady = ((ds.spec ?? {}) as {minReadySeconds?: number}).minReadySeconds ?? 0
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(ds, n).shouldRun).length
  const [maxSurge, maxUnavailable] = fenceposts(ds, desired)
  const available = (p: PodObject): boolean => isPodAvailable(p, minReady, now)
  const names = [...byNode.keys()].sort()
  if (maxSurge === 0) {
    let unavailable = 0
    const replace: PodObject[] = []
    const candidates: PodObject[] = []
    for (const name of names) {
      const found = podsOnNode(ds, hash, byNode.get(name)!)
      if (!found) unavailable++
      else if ((!found.oldPod && !found.newPod) || (found.oldPod && found.newPod)) unavailable++
      else if (found.newPod) {
        if (!available(found.newPod)) unavailable++
      } else if (!available(found.oldPod!)) replace.push(found.oldPod!)
      else if (unavailable < maxUnavailable) candidates.push(found.oldPod!)
    }
    const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length)
    return {deletes: [...replace, ...candidates.slice(0, room)], surgeNodes: []}
  }
  let surging = 0
  const allowed: string[] = []
  const candidates: string[] = []
  const deletes: PodObject[] = []
  for (const name of names) {
    const found = podsOnNode(ds, hash, byNode.get(name)!)
    if (!found) surging++
    else if (!found.oldPod) continue
    else if (!found.newPod) {
      if (!available(found.oldPod)) allowed.push(name)
      else if (surging < maxSurge) candidates.push(name)
    } else if (!available(found.newPod)) surging++
    else deletes.push(found.oldPod)
  }
  const room = Math.min(Math.max(0, maxSurge - surging), candidates.length)
  return {deletes, surgeNodes: [...allowed, ...candidates.slice(0, room)]}
}
