// Deployment and ReplicaSet rows (printDeployment, printReplicaSet): replica counts, age, and with
// -o wide the template's containers, images and the selector.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {selectorString} from '../../machinery/labels.js'
import {col, wide, type TableHandler} from './columns.js'

interface WorkloadShape {
  spec?: {replicas?: number; selector?: LabelSelector; template?: {spec?: {containers?: {name: string; image?: string}[]}}}
  status?: {replicas?: number; readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number}
}

// the wide columns: container names, images, and the selector as a string
function wideCells(obj: KObject): string[] {
  const w = obj as unknown as WorkloadShape
  const containers = w.spec?.template?.spec?.containers ?? []
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(','), selectorString(w.spec?.selector)]
}

/** Deployments: NAME READY UP-TO-DATE AVAILABLE AGE [CONTAINERS IMAGES SELECTOR]. */
export const deploymentTable: TableHandler = {
  columns: [col('Name', 'name'), col('Ready'), col('Up-to-date'), col('Available'), col('Age'), wide('Containers'), wide('Images'), wide('Selector')],
  cells(obj: KObject, now: Date): string[] {
    const w = obj as unknown as WorkloadShape
    const s = w.status ?? {}
    return [
      obj.metadata.name ?? '',
      `${s.readyReplicas ?? 0}/${w.spec?.replicas ?? 0}`,
      String(s.updatedReplicas ?? 0),
      String(s.availableReplicas ?? 0),
      since(obj.metadata.creationTimestamp, now),
      ...wideCells(obj),
    ]
  },
}

/** ReplicaSets: NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
export const replicaSetTable: TableHandler = {
  columns: [col('Name', 'name'), col('Desired'), col('Current'), col('Ready'), col('Age'), wide('Containers'), wide('Images'), wide('Selector')],
  cells(obj: KObject, now: Date): string[] {
    const w = obj as unknown as WorkloadShape
    const s = w.status ?? {}
    return [
      obj.metadata.name ?? '',
      String(w.spec?.replicas ?? 0),
      String(s.replicas ?? 0),
      String(s.readyReplicas ?? 0),
      since(obj.metadata.creationTimestamp, now),
      ...wideCells(obj),
    ]
  },
}
