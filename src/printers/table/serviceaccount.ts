// ServiceAccount rows: NAME SECRETS AGE, SECRETS counting `secrets` (0 since tokens stopped being
// auto-created in v1.24).
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

/** ServiceAccounts: printServiceAccount. */
export const serviceAccountTable: TableHandler = {
  columns: [col('Name', 'name'), col('Secrets'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const secrets = (obj.secrets as unknown[] | undefined) ?? []
    return [obj.metadata?.name ?? '', String(secrets.length), since(obj.metadata?.creationTimestamp, now)]
  },
}
