// RuntimeClass rows: NAME HANDLER AGE (printRuntimeClass).
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

/** RuntimeClasses: printRuntimeClass. */
export const runtimeClassTable: TableHandler = {
  columns: [col('Name', 'name'), col('Handler'), col('Age')],
  clusterScoped: true,
  cells(obj: KObject, now: Date): string[] {
    return [obj.metadata?.name ?? '', String(obj.handler ?? ''), since(obj.metadata?.creationTimestamp, now)]
  },
}
