// PodTemplate rows (printPodTemplate): NAME CONTAINERS IMAGES POD LABELS.
import type {KObject} from '../../api/types.js'

import {col, type TableHandler} from './columns.js'

interface TemplateShape {
  metadata?: {labels?: Record<string, string>}
  spec?: {containers?: {name: string; image?: string}[]}
}

export const podTemplateTable: TableHandler = {
  columns: [col('Name', 'name'), col('Containers'), col('Images'), col('Pod Labels')],
  cells(obj: KObject): string[] {
    const template = (obj.template ?? {}) as TemplateShape
    const containers = template.spec?.containers ?? []
    const labels = template.metadata?.labels ?? {}
    const keys = Object.keys(labels).sort()
    return [
      obj.metadata.name ?? '',
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image ?? '').join(','),
      keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(','),
    ]
  },
}
