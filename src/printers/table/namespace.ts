// Namespace rows: NAME STATUS AGE, STATUS being the phase (`Active`, `Terminating`).
import type {KObject, Namespace} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

/** Namespaces: printNamespace. */
export const namespaceTable: TableHandler = {
  clusterScoped: true,
  columns: [col('Name', 'name'), col('Status'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const ns = obj as unknown as Namespace
    return [ns.metadata?.name ?? '', ns.status?.phase ?? '', since(ns.metadata?.creationTimestamp, now)]
  },
}
