// Server-side printing: a metav1.Table built by ksim's own table printers (the columns `ksim get`
// shows), for requests whose Accept asks for `as=Table;g=meta.k8s.io`, as kube-apiserver answers kubectl.
import type {KObject} from '../api/types.js'

import {apiErrors} from '../api/errors.js'
import {tableColumns, type TableHandler} from '../printers/table/index.js'

export type IncludeObject = 'Metadata' | 'Object' | 'None'

/** Whether an Accept header asks for a Table (meta.k8s.io v1 or v1beta1). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((a) => {
    const p = a.replaceAll(' ', '').split(';')
    return p.includes('as=Table') && p.includes('g=meta.k8s.io')
  })
}

/** The includeObject query parameter (absent = Metadata), or 400 for another value. */
export function includeObjectOf(value: string | null): IncludeObject {
  if (value === null || value === '' || value === 'Metadata') return 'Metadata'
  if (value === 'Object' || value === 'None') return value
  throw apiErrors.badRequest(`unrecognized includeObject value: ${JSON.stringify(value)}`)
}

export interface TableOptions {
  now: Date
  includeObject: IncludeObject
  resourceVersion?: string
  continueToken?: string
  /** leave the column definitions out (watch events after the first) */
  noHeaders?: boolean
  /** the table of a type whose kind alone does not say (tableHandlerFor) */
  handler?: TableHandler
}

function rowObject(obj: KObject, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === 'None') return undefined
  if (include === 'Object') return obj
  return {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata}
}

/** The Table of `objs` (all of `kind`). */
export function toTable(kind: string, objs: readonly KObject[], o: TableOptions): Record<string, unknown> {
  const handler = o.handler ?? tableColumns(kind).handler
  const columnDefinitions = handler.columns.map((c) => ({name: c.name, type: 'string', format: c.format ?? '', description: '', priority: c.priority}))
  const rows = objs.map((obj) => {
    const object = rowObject(obj, o.includeObject)
    return {cells: handler.cells(obj, o.now), ...(object ? {object} : {})}
  })
  const metadata: Record<string, string> = {}
  if (o.resourceVersion !== undefined) metadata.resourceVersion = o.resourceVersion
  if (o.continueToken) metadata.continue = o.continueToken
  return {kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, ...(o.noHeaders ? {} : {columnDefinitions}), rows}
}
