// The StatefulSet's status (updateStatus, completeRollingUpdate): replicas counts the pods created
// (replicas and condemned), ready and available the running ones, current and updated the ones not
// terminating at each revision; a finished RollingUpdate makes the update revision the current one.
import type {KObject} from '../../api/types.js'
import type {SetRevisions} from './revisions.js'
import type {SetPods} from './control.js'

import {isRunningAndAvailable, isRunningAndReady, isTerminating, phaseOf, revisionOfPod, specOf} from './pods.js'

/** apps/v1 StatefulSetStatus as the controller writes it (keys sorted, zero counts omitted where omitempty). */
export type StatefulSetStatus = Record<string, number | string>

/** The status of `set` for the pods of this sync. */
export function computeStatus(set: KObject, revs: SetRevisions, pods: SetPods, now: Date): StatefulSetStatus {
  const minReady = specOf(set).minReadySeconds ?? 0
  const current = revs.current.metadata.name ?? ''
  const update = revs.update.metadata.name ?? ''
  let replicas = 0
  let ready = 0
  let available = 0
  let currentReplicas = 0
  let updated = 0
  for (const pod of [...pods.replicas, ...pods.condemned]) {
    if (!pod || phaseOf(pod) === '') continue
    replicas++
    if (isRunningAndReady(pod)) {
      ready++
      if (isRunningAndAvailable(pod, minReady, now)) available++
    }
    if (!isTerminating(pod)) {
      if (revisionOfPod(pod) === current) currentReplicas++
      if (revisionOfPod(pod) === update) updated++
    }
  }
  let currentRevision = current
  // completeRollingUpdate
  if (specOf(set).updateStrategy?.type === 'RollingUpdate' && updated === replicas && ready === replicas) {
    currentReplicas = updated
    currentRevision = update
  }
  const status: StatefulSetStatus = {availableReplicas: available, collisionCount: revs.collisionCount}
  if (currentReplicas > 0) status.currentReplicas = currentReplicas
  status.currentRevision = currentRevision
  status.observedGeneration = set.metadata.generation ?? 1
  if (ready > 0) status.readyReplicas = ready
  status.replicas = replicas
  status.updateRevision = update
  if (updated > 0) status.updatedReplicas = updated
  return status
}
