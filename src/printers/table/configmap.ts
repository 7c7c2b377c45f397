// ConfigMap rows: NAME DATA AGE, DATA counting `data` and `binaryData` keys together.
import type {ConfigMap, KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

/** ConfigMaps: printConfigMap. */
export const configMapTable: TableHandler = {
  columns: [col('Name', 'name'), col('Data'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const cm = obj as unknown as ConfigMap
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length
    return [cm.metadata?.name ?? '', String(count), since(cm.metadata?.creationTimestamp, now)]
  },
}
