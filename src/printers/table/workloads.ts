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
function wideCells(w: WorkloadShape): string[] {
  const containers = w.spec?.template?.spec?.containers ?? []
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(','), selectorString(w.spec?.selector)]
}

// a workload table: NAME, the kind's three counts, AGE, then the wide columns
function workloadTable(counts: [string, string, string], cells: (w: WorkloadShape) => string[]): TableHandler {
  return {
    columns: [col('Name', 'name'), ...counts.map((c) => col(c)), col('Age'), wide('Containers'), wide('Images'), wide('Selector')],
    cells(obj: KObject, now: Date): string[] {
      const w = obj as WorkloadShape
      return [obj.metadata.name ?? '', ...cells(w), since(obj.metadata.creationTimestamp, now), ...wideCells(w)]
    },
  }
}

/** Deployments: NAME READY UP-TO-DATE AVAILABLE AGE [CONTAINERS IMAGES SELECTOR]. */
export const deploymentTable: TableHandler = workloadTable(['Ready', 'Up-to-date', 'Available'], (w) => {
  const s = w.status ?? {}
  return [`${s.readyReplicas ?? 0}/${w.spec?.replicas ?? 0}`, String(s.updatedReplicas ?? 0), String(s.availableReplicas ?? 0)]
})

/** ReplicaSets: NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
export const replicaSetTable: TableHandler = workloadTable(['Desired', 'Current', 'Ready'], (w) => {
  const s = w.status ?? {}
  return [String(w.spec?.replicas ?? 0), String(s.replicas ?? 0), String(s.readyReplicas ?? 0)]
})
