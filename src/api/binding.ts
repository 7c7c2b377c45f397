// POST pods/binding, the scheduler's way of placing a pod (BindingREST.setPodNodeNameAndMetadata):
// a storage update that sets spec.nodeName once and marks the pod PodScheduled=True. It is not a pod
// update: neither the spec validation nor the defaulting of an update run, and generation stays.
import type {ApiCore} from './api-core.js'

import {isStoreError} from '../store/errors.js'
import {apiErrors} from './errors.js'
import {withResourceVersion} from './meta.js'
import {podType} from './kinds/pod.js'
import {rfc3339, type KObject} from './types.js'

/** Preconditions of a binding: the pod the scheduler decided about (uid), as it saw it (resourceVersion). */
export interface BindingPreconditions {
  uid?: string
  resourceVersion?: string
}

type Condition = Record<string, unknown> & {type: string; status?: string; lastTransitionTime?: string}

/** Binds pod `namespace/name` to `node`; returns the stored pod. Conflict when it changed or is bound already. */
export function bindPod(api: ApiCore, namespace: string, name: string, node: string, pre: BindingPreconditions = {}): KObject {
  const key = {kind: podType.kind, namespace, name}
  const conflict = (detail: string): Error => apiErrors.conflict(podType.plural, podType.group, name, detail)
  const now = rfc3339(api.clock.now())
  return api.store.transaction(() => {
    const expected = pre.resourceVersion ? Number(pre.resourceVersion) : api.store.get(key)?.rev
    if (expected === undefined) throw apiErrors.notFound(podType.plural, podType.group, name)
    try {
      const stored = api.store.update<KObject>(key, expected, (_rev, current) => {
        const pod = current.value
        if (pre.uid && pre.uid !== pod.metadata.uid) throw conflict(MODIFIED)
        const spec = (pod.spec ?? {}) as {nodeName?: string; schedulingGates?: unknown[]}
        if (pod.metadata.deletionTimestamp) throw conflict(`pod ${name} is being deleted, cannot be assigned to a host`)
        if (spec.nodeName) throw conflict(`pod ${name} is already assigned to node "${spec.nodeName}"`)
        if ((spec.schedulingGates ?? []).length > 0) throw conflict(`pod ${name} has non-empty .spec.schedulingGates`)
        const status = {...(pod.status as {conditions?: Condition[]; nominatedNodeName?: string} | undefined)}
        status.conditions = scheduledConditions(status.conditions ?? [], pod.metadata.generation, now)
        // ClearingNominatedNodeNameAfterBinding (beta, on in 1.35): a bound pod is nominated nowhere
        delete status.nominatedNodeName
        return {...pod, spec: {...spec, nodeName: node}, status}
      })
      return withResourceVersion(stored.value, stored.rev)
    } catch (error) {
      if (isStoreError(error, 'NotFound')) throw apiErrors.notFound(podType.plural, podType.group, name)
      if (isStoreError(error, 'Conflict')) throw conflict(MODIFIED)
      throw error
    }
  })
}

const MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again'

// podutil.UpdatePodCondition with PodScheduled=True: replaced in place (its transition time kept when
// it was True already), or added at the end
function scheduledConditions(list: Condition[], generation: number | undefined, now: string): Condition[] {
  const i = list.findIndex((c) => c.type === 'PodScheduled')
  const prev = i >= 0 ? list[i] : undefined
  if (prev && prev.status === 'True' && prev.reason === undefined && prev.message === undefined) return list
  const c: Condition = {type: 'PodScheduled'}
  if (generation) c.observedGeneration = generation
  Object.assign(c, {status: 'True', lastProbeTime: null, lastTransitionTime: prev && prev.status === 'True' ? prev.lastTransitionTime : now})
  return i >= 0 ? list.map((x, j) => (j === i ? c : x)) : [...list, c]
}
