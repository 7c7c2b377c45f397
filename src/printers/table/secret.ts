// Secret rows: NAME TYPE DATA AGE, DATA counting the keys of `data`.
import type {KObject, Secret} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

/** Secrets: printSecret. */
export const secretTable: TableHandler = {
  columns: [col('Name', 'name'), col('Type'), col('Data'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const s = obj as unknown as Secret
    return [s.metadata?.name ?? '', s.type ?? '', String(Object.keys(s.data ?? {}).length), since(s.metadata?.creationTimestamp, now)]
  },
}
