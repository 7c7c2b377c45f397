// PriorityClass rows (printPriorityClass): NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY.
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

export const priorityClassTable: TableHandler = {
  columns: [col('Name', 'name'), col('Value'), col('Global-Default'), col('Age'), col('PreemptionPolicy')],
  clusterScoped: true,
  cells(obj: KObject, now: Date): string[] {
    return [obj.metadata.name ?? '', String((obj.value as number | undefined) ?? 0), String(obj.globalDefault === true), since(obj.metadata.creationTimestamp, now), (obj.preemptionPolicy as string | undefined) ?? '']
  },
}
