// PodDisruptionBudget rows (printPodDisruptionBudget): NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED
// DISRUPTIONS AGE, an unset bound shown as N/A.
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

interface PdbShape {
  spec?: {minAvailable?: number | string | null; maxUnavailable?: number | string | null}
  status?: {disruptionsAllowed?: number}
}

/** IntOrString.String(), or N/A when the field is unset. */
const bound = (v: number | string | null | undefined): string => (v === undefined || v === null ? 'N/A' : String(v))

export const podDisruptionBudgetTable: TableHandler = {
  columns: [col('Name', 'name'), col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const p = obj as PdbShape
    return [obj.metadata.name ?? '', bound(p.spec?.minAvailable), bound(p.spec?.maxUnavailable), String(p.status?.disruptionsAllowed ?? 0), since(obj.metadata.creationTimestamp, now)]
  },
}
