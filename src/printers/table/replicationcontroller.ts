// ReplicationController rows (printReplicationController): NAME DESIRED CURRENT READY AGE, and with
// -o wide the template's containers and images and the selector map (labels.FormatLabels).
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {selectorString} from '../../machinery/labels.js'
import {col, wide, type TableHandler} from './columns.js'

interface RCShape {
  spec?: {replicas?: number; selector?: Record<string, string> | null; template?: {spec?: {containers?: {name: string; image?: string}[]}} | null}
  status?: {replicas?: number; readyReplicas?: number}
}

/** ReplicationControllers: NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
export const replicationControllerTable: TableHandler = {
  columns: [col('Name', 'name'), col('Desired'), col('Current'), col('Ready'), col('Age'), wide('Containers'), wide('Images'), wide('Selector')],
  cells(obj: KObject, now: Date): string[] {
    const rc = obj as RCShape
    const containers = rc.spec?.template?.spec?.containers ?? []
    const selector = selectorString({matchLabels: rc.spec?.selector ?? {}}) || '<none>'
    return [
      obj.metadata.name ?? '',
      String(rc.spec?.replicas ?? 0),
      String(rc.status?.replicas ?? 0),
      String(rc.status?.readyReplicas ?? 0),
      since(obj.metadata.creationTimestamp, now),
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image ?? '').join(','),
      selector,
    ]
  },
}
