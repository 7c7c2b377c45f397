// StorageClass rows (printStorageClass): NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE
// ALLOWVOLUMEEXPANSION AGE, the default class's name followed by ` (default)`.
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

/** storageutil.IsDefaultAnnotation: the GA annotation, or the beta one, set to "true". */
export function isDefaultClass(obj: KObject): boolean {
  const ann = obj.metadata.annotations ?? {}
  return ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
}

export const storageClassTable: TableHandler = {
  columns: [col('Name', 'name'), col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), col('Age')],
  clusterScoped: true,
  cells(obj: KObject, now: Date): string[] {
    const name = (obj.metadata.name ?? '') + (isDefaultClass(obj) ? ' (default)' : '')
    return [
      name,
      String(obj.provisioner ?? ''),
      String(obj.reclaimPolicy ?? 'Delete'),
      String(obj.volumeBindingMode ?? 'Immediate'),
      String(obj.allowVolumeExpansion === true),
      since(obj.metadata.creationTimestamp, now),
    ]
  },
}
