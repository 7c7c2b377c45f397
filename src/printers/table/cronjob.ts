// CronJob rows (printCronJob): NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, and with -o wide
// the jobTemplate's containers, images and selector (always `<none>`: the Jobs' selectors are generated).
import type {CronJob} from 'kubernetes-types/batch/v1.js'
import type {KObject} from '../../api/types.js'

import {selectorString} from '../../machinery/labels.js'
import {since} from '../timestamps.js'
import {col, wide, type TableHandler} from './columns.js'

/** printBoolPtr: True, False, or <unset>. */
const boolPtr = (v: boolean | undefined): string => (v == null ? '<unset>' : v ? 'True' : 'False')

export const cronJobTable: TableHandler = {
  columns: [col('Name', 'name'), col('Schedule'), col('Timezone'), col('Suspend'), col('Active'), col('Last Schedule'), col('Age'), wide('Containers'), wide('Images'), wide('Selector')],
  cells(obj: KObject, now: Date): string[] {
    const cj = obj as CronJob
    const jobSpec = cj.spec?.jobTemplate?.spec
    const containers = jobSpec?.template?.spec?.containers ?? []
    const last = cj.status?.lastScheduleTime
    return [
      obj.metadata.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      boolPtr(cj.spec?.suspend),
      String(cj.status?.active?.length ?? 0),
      last ? since(last, now) : '<none>',
      since(obj.metadata.creationTimestamp, now),
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image ?? '').join(','),
      selectorString(jobSpec?.selector) || '<none>',
    ]
  },
}
