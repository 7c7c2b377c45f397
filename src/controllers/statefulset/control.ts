// updateStatefulSet (stateful_set_control.go): sorts the set's pods into replicas (ordinals in range)
// and condemned (beyond it), then — unless the set is being deleted — creates missing replicas (in
// OrderedReady, one at a time and only after every lower ordinal is Running and Ready), recreates
// failed or finished ones, deletes condemned pods highest ordinal first, and for RollingUpdate deletes
// the highest-ordinal pod at or above the partition whose revision is not the update revision, one at
// a time, waiting for each replacement to be healthy. A terminating pod (one on a dead node stays so)
// blocks until it is gone from the API: only then is a pod of the same name created.
import type {KObject} from '../../api/types.js'
import type {ControllerContext} from '../types.js'
import type {SetRevisions} from './revisions.js'

import {podType} from '../../api/kinds/pod.js'
import {isStatusError} from '../../api/errors.js'
import {availableAt} from '../deployment/workload-pods.js'
import {applyRevision} from './revisions.js'
import {identityMatches, isHealthy, isRunningAndAvailable, isRunningAndReady, isTerminating, newStatefulSetPod, parentAndOrdinal, phaseOf, revisionOfPod, setIdentityLabels, specOf, startOrdinal, type PodObject} from './pods.js'

const SOURCE = {component: 'statefulset-controller'}

/** What one pass over the pods found: the pods by slot, and when a pod next turns available. */
export interface SetPods {
  replicas: (PodObject | undefined)[]
  condemned: PodObject[]
  /** a write that failed this pass: the sync returns it after the status, so the key backs off and retries */
  error?: Error
  /** ms epoch when a ready pod becomes available (minReadySeconds), if any */
  availableAt?: number
}

/** Splits the set's pods into replicas by ordinal and condemned ones (highest ordinal first). */
export function sortPods(set: KObject, pods: PodObject[]): SetPods {
  const start = startOrdinal(set)
  const count = specOf(set).replicas ?? 1
  const replicas: (PodObject | undefined)[] = new Array<PodObject | undefined>(count).fill(undefined)
  const condemned: PodObject[] = []
  for (const pod of pods) {
    const {ordinal} = parentAndOrdinal(pod)
    if (ordinal >= start && ordinal < start + count) replicas[ordinal - start] ??= pod
    else if (ordinal >= 0) condemned.push(pod)
  }
  condemned.sort((a, b) => parentAndOrdinal(b).ordinal - parentAndOrdinal(a).ordinal)
  return {replicas, condemned}
}

/** One sync's writes to pods, with the events StatefulPodControl records. */
class PodControl {
  /** the first failed write of the pass */
  error?: Error
  constructor(
    private readonly ctx: ControllerContext,
    private readonly set: KObject,
  ) {}

  private event(type: 'Normal' | 'Warning', verb: string, pod: string, error?: unknown): void {
    if (error) this.error ??= error as Error
    const what = `${verb} Pod ${pod} in StatefulSet ${this.set.metadata.name}`
    const reason = `${error ? 'Failed' : 'Successful'}${verb[0].toUpperCase()}${verb.slice(1)}`
    const message = error ? `${what} failed error: ${(error as Error).message}` : `${what} successful`
    this.ctx.recorder.record({involved: this.set, type, reason, message, source: SOURCE})
  }

  /** CreateStatefulPod: true when created. */
  create(pod: KObject): boolean {
    try {
      this.ctx.api.create(pod)
    } catch (error) {
      // the old pod of that name is still going away: not an event, the next pass tries again
      if (isStatusError(error, 'AlreadyExists')) return false
      this.event('Warning', 'create', pod.metadata.name!, error)
      return false
    }
    this.event('Normal', 'create', pod.metadata.name!)
    return true
  }

  delete(pod: KObject): void {
    try {
      this.ctx.api.delete(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, {})
    } catch (error) {
      if (isStatusError(error, 'NotFound')) return
      this.event('Warning', 'delete', pod.metadata.name!, error)
      return
    }
    this.event('Normal', 'delete', pod.metadata.name!)
  }

  /** UpdateStatefulPod: puts the identity labels back. */
  fixIdentity(pod: PodObject, ordinal: number): void {
    try {
      this.ctx.api.modify(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, (p) => setIdentityLabels(p, ordinal))
    } catch (error) {
      if (!isStatusError(error, 'NotFound')) this.event('Warning', 'update', pod.metadata.name!, error)
      return
    }
    this.event('Normal', 'update', pod.metadata.name!)
  }
}

/** Runs the set's pods toward the spec; returns the pods as they stand for the status. */
export function manageStatefulSet(ctx: ControllerContext, set: KObject, revs: SetRevisions, pods: PodObject[]): SetPods {
  const sorted = sortPods(set, pods)
  if (set.metadata.deletionTimestamp) return sorted
  const control = new PodControl(ctx, set)
  runPods(ctx, set, revs, sorted, control)
  if (control.error) sorted.error = control.error
  return sorted
}

/** The replicas, then the condemned pods, then the rolling update; stops where OrderedReady must wait. */
function runPods(ctx: ControllerContext, set: KObject, revs: SetRevisions, sorted: SetPods, control: PodControl): SetPods {
  const spec = specOf(set)
  const monotonic = spec.podManagementPolicy !== 'Parallel'
  const minReady = spec.minReadySeconds ?? 0
  const now = ctx.clock.now()
  const start = startOrdinal(set)
  const currentSet = applyRevision(set, revs.current)
  const updateSet = applyRevision(set, revs.update)
  const rolling = spec.updateStrategy?.type === 'RollingUpdate'
  const partition = spec.updateStrategy?.rollingUpdate?.partition
  const currentReplicas = ((set.status ?? {}) as {currentReplicas?: number}).currentReplicas ?? 0
  const versioned = (ordinal: number): KObject =>
    (rolling && partition === undefined && ordinal < currentReplicas) || (partition !== undefined && ordinal < partition)
      ? newStatefulSetPod(set, currentSet, revs.current.metadata.name!, ordinal)
      : newStatefulSetPod(set, updateSet, revs.update.metadata.name!, ordinal)
  const {replicas, condemned} = sorted
  const noteAvailable = (pod: PodObject): void => {
    const at = availableAt(pod, minReady)
    if (at !== undefined && at > now.getTime()) sorted.availableAt = Math.min(sorted.availableAt ?? at, at)
  }

  const firstUnhealthy = replicas.find((p) => !p || !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p))
  // the replicas, lowest ordinal first; in OrderedReady each waits for the ones before it
  for (let i = 0; i < replicas.length; i++) {
    let pod = replicas[i]
    if (pod && (phaseOf(pod) === 'Failed' || phaseOf(pod) === 'Succeeded')) {
      const [reason, what] = phaseOf(pod) === 'Failed' ? ['RecreatingFailedPod', 'failed'] : ['RecreatingTerminatedPod', 'terminated']
      ctx.recorder.record({involved: set, type: 'Warning', reason, message: `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating ${what} Pod ${pod.metadata.name}`, source: SOURCE})
      if (!isTerminating(pod)) control.delete(pod)
      replicas[i] = pod = undefined
    }
    if (!pod) {
      // OrderedReady creates one pod a pass; Parallel creates them all (a failed create ends the batch)
      const created = control.create(versioned(i + start))
      if (monotonic || !created) return sorted
      continue
    }
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod))) return sorted
    if (monotonic && !isRunningAndAvailable(pod, minReady, now)) {
      noteAvailable(pod)
      return sorted
    }
    if (!identityMatches(set, pod)) control.fixIdentity(pod, i + start)
  }
  // scale down: the highest ordinal first; in OrderedReady one at a time, after the rest are healthy
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return sorted
      continue
    }
    if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return sorted
    control.delete(pod)
    if (monotonic) return sorted
  }
  if (!rolling) return sorted
  // RollingUpdate: replace the highest ordinal not at the update revision, waiting for each to be healthy
  for (let target = replicas.length - 1; target >= (partition ?? 0); target--) {
    const pod = replicas[target]
    if (!pod) return sorted
    if (revisionOfPod(pod) !== revs.update.metadata.name && !isTerminating(pod)) {
      control.delete(pod)
      return sorted
    }
    if (!isHealthy(pod)) return sorted
  }
  return sorted
}
