// What the API server does with a field selector per kind: its field label conversion (which fields it
// supports, with its exact error), the selectable field values of an object, matching, and kubectl's
// wording of a list error. The selector syntax is machinery/fields.ts.
import {SelectorError} from '../machinery/label-selector.js'
import type {FieldSelector} from '../machinery/fields.js'

const META = ['metadata.name', 'metadata.namespace']

/** Field labels each kind's conversion function accepts (core/v1 conversion.go); others use the default. */
const SUPPORTED: Record<string, string[]> = {
  Pod: [...META, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName', 'spec.host'],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['status.phase', 'metadata.name'],
  Secret: ['type', ...META],
  Service: [...META, 'spec.clusterIP', 'spec.type'],
  ReplicationController: [...META, 'status.replicas'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    ...META,
  ],
}

/** Whether the API server accepts `field` in a field selector for `kind` (`Pod`, `ConfigMap`, ...). */
export function fieldSelectorSupported(kind: string, field: string): boolean {
  return (SUPPORTED[kind] ?? META).includes(field)
}

/** The API server's message for a field it does not support (a 400 BadRequest). */
export function fieldLabelErrorMessage(kind: string, field: string): string {
  if (SUPPORTED[kind]) return `field label not supported: ${field}`
  // runtime.DefaultMetaV1FieldSelectorConversion, for kinds without their own conversion
  return `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`
}

/**
 * The field label conversion the server applies before listing: unsupported fields throw with
 * fieldLabelErrorMessage (the first in sorted term order), `spec.host` becomes `spec.nodeName`.
 */
export function convertFieldSelector(kind: string, sel: FieldSelector): FieldSelector {
  return {
    requirements: sel.requirements.map((r) => {
      if (!fieldSelectorSupported(kind, r.field)) throw new SelectorError(fieldLabelErrorMessage(kind, r.field))
      return kind === 'Pod' && r.field === 'spec.host' ? {...r, field: 'spec.nodeName'} : r
    }),
  }
}

type Obj = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const sub = (o: unknown, k: string): Obj => ((o as Obj | undefined)?.[k] ?? {}) as Obj

/** The object's selectable fields, as its registry strategy builds them (absent fields read as ""). */
export function selectableFields(obj: Obj): Record<string, string> {
  const meta = sub(obj, 'metadata')
  const spec = sub(obj, 'spec')
  const status = sub(obj, 'status')
  const f: Record<string, string> = {'metadata.name': str(meta.name)}
  if (typeof meta.namespace === 'string' || !['Node', 'Namespace'].includes(str(obj.kind))) f['metadata.namespace'] = str(meta.namespace)
  switch (obj.kind) {
    case 'Pod': {
      const ips = (status.podIPs as {ip?: string}[] | undefined) ?? []
      Object.assign(f, {
        'spec.nodeName': str(spec.nodeName),
        'spec.restartPolicy': str(spec.restartPolicy),
        'spec.schedulerName': str(spec.schedulerName),
        'spec.serviceAccountName': str(spec.serviceAccountName),
        'spec.hostNetwork': spec.hostNetwork === true ? 'true' : 'false',
        'status.phase': str(status.phase),
        'status.podIP': ips.length > 0 ? str(ips[0].ip) : '',
        'status.nominatedNodeName': str(status.nominatedNodeName),
      })
      break
    }
    case 'Node':
      f['spec.unschedulable'] = spec.unschedulable === true ? 'true' : 'false'
      break
    case 'Namespace':
      f['status.phase'] = str(status.phase)
      break
    case 'Secret':
      f.type = str(obj.type)
      break
    case 'Service':
      Object.assign(f, {'spec.clusterIP': str(spec.clusterIP), 'spec.type': str(spec.type)})
      break
    case 'Event': {
      const io = sub(obj, 'involvedObject')
      for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) f[`involvedObject.${k}`] = str(io[k])
      Object.assign(f, {
        reason: str(obj.reason),
        reportingComponent: str(obj.reportingComponent),
        source: str(sub(obj, 'source').component) || str(obj.reportingComponent),
        type: str(obj.type),
      })
      break
    }
  }
  return f
}

/** Whether an object matches a (converted) field selector: every term compares the field's string. */
export function matchFieldSelector(sel: FieldSelector, obj: Obj): boolean {
  const fields = selectableFields(obj)
  return sel.requirements.every((r) => ((fields[r.field] ?? '') === r.value) !== (r.operator === '!='))
}

/** GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export function groupVersionResourceString(group: string, version: string, resource: string): string {
  return `${group}/${version}, Resource=${resource}`
}

/**
 * kubectl's EnhanceListError for a BadRequest/NotFound from a list: `Unable to find "/v1,
 * Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo`.
 */
export function listErrorMessage(gvr: string, labelSelector: string, fieldSelector: string, message: string): string {
  if (labelSelector === '' && fieldSelector === '') return `Unable to list ${JSON.stringify(gvr)}: ${message}`
  return `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${message}`
}
