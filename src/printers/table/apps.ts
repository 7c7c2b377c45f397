// StatefulSet, DaemonSet and ControllerRevision rows (printStatefulSet, printDaemonSet,
// printControllerRevision): replica or node counts, the node selector, the controller of a revision.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {selectorString} from '../../machinery/labels.js'
import {col, wide, type TableHandler} from './columns.js'

interface TemplateShape {
  spec?: {containers?: {name: string; image?: string}[]; nodeSelector?: Record<string, string>}
}

// the wide CONTAINERS and IMAGES cells of a pod template
function containerCells(template: TemplateShape | undefined): [string, string] {
  const containers = template?.spec?.containers ?? []
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')]
}

// labels.FormatLabels: sorted k=v pairs, <none> when empty
function formatMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort()
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${m![k]}`).join(',')
}

/** StatefulSets: NAME READY AGE [CONTAINERS IMAGES]. */
export const statefulSetTable: TableHandler = {
  columns: [col('Name', 'name'), col('Ready'), col('Age'), wide('Containers'), wide('Images')],
  cells(obj: KObject, now: Date): string[] {
    const spec = (obj.spec ?? {}) as {replicas?: number; template?: TemplateShape}
    const status = (obj.status ?? {}) as {readyReplicas?: number}
    return [obj.metadata.name ?? '', `${status.readyReplicas ?? 0}/${spec.replicas ?? 0}`, since(obj.metadata.creationTimestamp, now), ...containerCells(spec.template)]
  },
}

/** DaemonSets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE [CONTAINERS IMAGES SELECTOR]. */
export const daemonSetTable: TableHandler = {
  columns: [
    col('Name', 'name'),
    col('Desired'),
    col('Current'),
    col('Ready'),
    col('Up-to-date'),
    col('Available'),
    col('Node Selector'),
    col('Age'),
    wide('Containers'),
    wide('Images'),
    wide('Selector'),
  ],
  cells(obj: KObject, now: Date): string[] {
    const spec = (obj.spec ?? {}) as {selector?: LabelSelector; template?: TemplateShape}
    const s = (obj.status ?? {}) as Record<string, number | undefined>
    const n = (k: string): string => String(s[k] ?? 0)
    return [
      obj.metadata.name ?? '',
      n('desiredNumberScheduled'),
      n('currentNumberScheduled'),
      n('numberReady'),
      n('updatedNumberScheduled'),
      n('numberAvailable'),
      formatMap(spec.template?.spec?.nodeSelector),
      since(obj.metadata.creationTimestamp, now),
      ...containerCells(spec.template),
      selectorString(spec.selector) || '<none>',
    ]
  },
}

/** ControllerRevisions: NAME CONTROLLER REVISION AGE; the controller as `statefulset.apps/web`. */
export const controllerRevisionTable: TableHandler = {
  columns: [col('Name', 'name'), col('Controller'), col('Revision'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
    let controller = '<none>'
    if (ref) {
      const slash = ref.apiVersion.indexOf('/')
      const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : ''
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`
    }
    return [obj.metadata.name ?? '', controller, String(obj.revision ?? 0), since(obj.metadata.creationTimestamp, now)]
  },
}
