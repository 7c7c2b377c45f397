// The table registry and kubectl get's human-readable printer: headers, -o wide, -A, --show-labels,
// -L, --no-headers, `kind/` prefixes, one aligned table per kind separated by a blank line.
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {tableCell} from '../escape.js'
import {groupOf, nameKind} from '../name.js'
import {formatTable} from '../tabwriter.js'
import {colorStatus} from './color.js'
import {col, type TableHandler} from './columns.js'
import {configMapTable} from './configmap.js'
import {eventTable} from './event.js'
import {namespaceTable} from './namespace.js'
import {nodeTable} from './node.js'
import {podTable} from './pod.js'
import {runtimeClassTable} from './runtimeclass.js'
import {storageClassTable} from './storageclass.js'
import {podTemplateTable} from './podtemplate.js'
import {secretTable} from './secret.js'
import {serviceAccountTable} from './serviceaccount.js'
import {endpointSliceTable, endpointsTable, serviceTable} from './service.js'
import {deploymentTable, replicaSetTable} from './workloads.js'
import {jobTable} from './job.js'
import {cronJobTable} from './cronjob.js'
import {controllerRevisionTable, daemonSetTable, statefulSetTable} from './apps.js'
import {podDisruptionBudgetTable} from './poddisruptionbudget.js'
import {priorityClassTable} from './priorityclass.js'
import {persistentVolumeClaimTable, persistentVolumeTable} from './persistentvolume.js'
import {rbacTables} from './rbac.js'
import {customResourceDefinitionTable, customResourceTable} from './custom-resource.js'
import type {ResourceType} from '../../api/registry.js'
import {replicationControllerTable} from './replicationcontroller.js'

export type {ColumnDefinition, TableHandler} from './columns.js'
export {podSummary} from './pod.js'

/** cli-runtime's fallback for kinds without a handler: NAME AGE. */
const defaultTable: TableHandler = {
  columns: [col('Name', 'name'), col('Age')],
  cells: (obj, now) => [obj.metadata?.name ?? '', since(obj.metadata?.creationTimestamp, now)],
}

const HANDLERS: Record<string, TableHandler> = {
  Pod: podTable, Node: nodeTable, Namespace: namespaceTable, Event: eventTable, ConfigMap: configMapTable, Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  Service: serviceTable, Endpoints: endpointsTable, EndpointSlice: endpointSliceTable,
  Deployment: deploymentTable, ReplicaSet: replicaSetTable,
  Job: jobTable,
  StatefulSet: statefulSetTable, DaemonSet: daemonSetTable, ControllerRevision: controllerRevisionTable,
  PodDisruptionBudget: podDisruptionBudgetTable,
  PriorityClass: priorityClassTable,
  RuntimeClass: runtimeClassTable,
  StorageClass: storageClassTable,
  PodTemplate: podTemplateTable,
  CronJob: cronJobTable,
  PersistentVolume: persistentVolumeTable, PersistentVolumeClaim: persistentVolumeClaimTable,
  ...rbacTables,
  CustomResourceDefinition: customResourceDefinitionTable,
  ReplicationController: replicationControllerTable,
}

/** The table a type prints with when its kind's name alone does not say (a custom resource's printer columns). */
export function tableHandlerFor(rt: Pick<ResourceType, 'namespaced' | 'custom'> | undefined): TableHandler | undefined {
  return rt?.custom ? customResourceTable(rt.custom.printerColumns, !rt.namespaced) : undefined
}

/** A kind's columns and rows, default and wide. */
export interface TableColumns {
  handler: TableHandler
  headers: string[]
  wideHeaders: string[]
  row(obj: KObject, now: Date): string[]
  wideRow(obj: KObject, now: Date): string[]
}

/** The table of a Kind (NAME/AGE for kinds without their own). */
export function tableColumns(kind: string): TableColumns {
  const handler = HANDLERS[kind] ?? defaultTable
  const shown = handler.columns.map((c) => c.priority === 0)
  return {
    handler,
    headers: handler.columns.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase()),
    wideHeaders: handler.columns.map((c) => c.name.toUpperCase()),
    row: (obj, now) => handler.cells(obj, now).filter((_, i) => shown[i]),
    wideRow: (obj, now) => handler.cells(obj, now),
  }
}

/** How kubectl get was asked to print. */
export interface TableOptions {
  now: Date
  wide?: boolean
  showLabels?: boolean
  labelColumns?: string[]
  noHeaders?: boolean
  /** -A: a NAMESPACE column first (never for cluster-scoped kinds) */
  withNamespace?: boolean
  /** NAME cells as `<prefix>/<name>`, e.g. 'pod' or 'deployment.apps' */
  withKindPrefix?: string
  /** prefix NAME cells with each object's own `kind[.group]` (several kinds in one get) */
  withKind?: boolean
  color?: boolean
  /** --output-watch-events: a leading EVENT column (ADDED, MODIFIED, DELETED) per object */
  eventOf?: (obj: KObject) => string
  /** the table of a kind the server describes itself (a custom resource's printer columns) */
  handler?: TableHandler
}

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',')
}

function renderOne(objs: KObject[], opts: TableOptions): string {
  const handler = opts.handler ?? tableColumns(objs[0].kind).handler
  const visible = handler.columns.map((c) => opts.wide || c.priority === 0)
  const nameCol = handler.columns.findIndex((c) => c.format === 'name')
  const statusCol = handler.columns.filter((_, i) => visible[i]).findIndex((c) => c.name === 'Status')
  const withNs = Boolean(opts.withNamespace) && !handler.clusterScoped
  const labelCols = opts.labelColumns ?? []
  const rows: string[][] = []
  if (!opts.noHeaders) {
    rows.push([...(opts.eventOf ? ['EVENT'] : []), ...(withNs ? ['NAMESPACE'] : []), ...handler.columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()),
      ...labelCols.map((l) => l.split('/').at(-1)!.toUpperCase()), ...(opts.showLabels ? ['LABELS'] : [])])
  }
  for (const obj of objs) {
    const cells = handler.cells(obj, opts.now)
    const prefix = opts.withKindPrefix ?? (opts.withKind ? nameKind({kind: obj.kind, group: groupOf(obj.apiVersion)}) : undefined)
    if (prefix && nameCol >= 0) cells[nameCol] = `${prefix}/${cells[nameCol]}`
    const labels = obj.metadata?.labels ?? {}
    const shown = cells.filter((_, i) => visible[i]).map(tableCell)
    if (opts.color && statusCol >= 0) shown[statusCol] = colorStatus(shown[statusCol])
    rows.push([...(opts.eventOf ? [opts.eventOf(obj)] : []), ...(withNs ? [tableCell(obj.metadata?.namespace ?? '')] : []), ...shown,
      ...labelCols.map((l) => tableCell(labels[l] ?? '')), ...(opts.showLabels ? [tableCell(formatLabels(labels))] : [])])
  }
  return formatTable(rows)
}

/**
 * kubectl get's table output for objects in the order given; objects of different kinds make
 * separate tables joined by a blank line. No objects, no output (not even headers).
 */
export function renderTable(objs: KObject[], opts: TableOptions): string {
  const groups: KObject[][] = []
  for (const obj of objs) {
    const last = groups.at(-1)
    if (last && last[0].kind === obj.kind && groupOf(last[0].apiVersion) === groupOf(obj.apiVersion)) last.push(obj)
    else groups.push([obj])
  }
  return groups.map((g) => renderOne(g, opts)).join(opts.noHeaders ? '' : '\n')
}
