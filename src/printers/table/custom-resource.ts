// Tables of custom resources and of CustomResourceDefinitions. A custom resource's columns are the
// served version's additionalPrinterColumns (apiextensions-apiserver's tableconvertor): NAME, then each
// column's JSONPath value, `string` columns as the JSONPath printer writes them, `integer`, `number` and
// `boolean` only when the value has that type, `date` as the time since; no value is `<none>`.
import type {PrinterColumn} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'

import {findResults, parseJsonPath, valueText, type GoValue} from '../jsonpath.js'
import {since} from '../timestamps.js'
import {col, type TableHandler} from './columns.js'

const NONE = '<none>'

/** One cell of a column of `type` from the JSONPath's first value (cellForJSONValue). */
function typedCell(type: string, v: GoValue): string {
  switch (type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? String(v) : NONE
    case 'number':
      return typeof v === 'number' ? valueText(v) : NONE
    case 'boolean':
      return typeof v === 'boolean' ? String(v) : NONE
    case 'date':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? '' : NONE
    default:
      return NONE
  }
}

/** The table of a custom resource whose version prints `columns`. */
export function customResourceTable(columns: PrinterColumn[], clusterScoped: boolean): TableHandler {
  const paths = columns.map((c) => {
    try {
      return parseJsonPath(`{${c.jsonPath}}`)
    } catch {
      return undefined
    }
  })
  return {
    columns: [col('Name', 'name'), ...columns.map((c) => ({name: c.name, priority: (c.priority ?? 0) > 0 ? (1 as const) : (0 as const)}))],
    clusterScoped,
    cells(obj: KObject, now: Date): string[] {
      const cells = columns.map((c, i) => {
        const path = paths[i]
        if (!path) return NONE
        let results: GoValue[][]
        try {
          results = findResults(path, obj as unknown as GoValue, {allowMissingKeys: true})
        } catch {
          return NONE
        }
        if (results.length === 0 || results[0].length === 0) return NONE
        const v = results[0][0]
        if (c.type === 'string') return valueText(v)
        const cell = typedCell(c.type, v)
        return c.type === 'date' && cell === '' ? since(v as string, now) : cell
      })
      return [obj.metadata.name ?? '', ...cells]
    },
  }
}

/** CustomResourceDefinitions: NAME and CREATED AT (the creation time in RFC 3339). */
export const customResourceDefinitionTable: TableHandler = {
  columns: [col('Name', 'name'), col('Created At')],
  clusterScoped: true,
  cells: (obj: KObject) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? ''],
}
