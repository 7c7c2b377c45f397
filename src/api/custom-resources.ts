// Custom resources: the types the API server serves for each Established CustomResourceDefinition (one per
// served version, the preferred version first) and their strategy: fields the version's schema does not
// declare are pruned (kubectl's Strict field validation reports them), values are checked against the
// schema, metadata.generation moves on any change beside metadata (and status, with the status
// subresource). Deleting a CRD deletes its objects, as the CRD finalizer controller does.
import type {ApiCore} from './api-core.js'
import type {FieldError} from './errors.js'
import type {Strategy} from './strategy.js'
import type {KObject} from './types.js'
import type {CrdSpec, CrdVersion} from './validation/crd.js'

import {allTypes, type PrinterColumn, type ResourceType} from './registry.js'
import {semanticEqual} from './validation/pod-update.js'
import {pruneUnknownFields, validateAgainstSchema, type JsonSchema} from './validation/structural-schema.js'

/** The server's default columns for a version without additionalPrinterColumns. */
const DEFAULT_COLUMNS: PrinterColumn[] = [{name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp'}]

interface CrdConditions {
  conditions?: {type: string; status: string}[]
}

/** kube-aware version priority: GA before beta before alpha, higher numbers first, then the rest by name. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v)
    if (!m) return [3, 0, 0, v] as const
    const stage = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2
    return [stage, -Number(m[1]), -Number(m[3] ?? 0), v] as const
  }
  const pa = parse(a)
  const pb = parse(b)
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] as number) - (pb[i] as number)
  return pa[3] < pb[3] ? -1 : pa[3] > pb[3] ? 1 : 0
}

const isEstablished = (crd: KObject): boolean => (((crd.status ?? {}) as CrdConditions).conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True')

/** The types an Established CRD serves, one per served version, the preferred version first. */
export function customResourceTypes(crd: KObject): ResourceType[] {
  if (!isEstablished(crd)) return []
  const spec = (crd.spec ?? {}) as CrdSpec
  const names = spec.names ?? {}
  const served = (spec.versions ?? []).filter((v) => v.served && v.name).sort((a, b) => compareVersions(a.name!, b.name!))
  return served.map((v) => ({
    kind: names.kind ?? '',
    group: spec.group ?? '',
    version: v.name!,
    plural: names.plural ?? '',
    singular: names.singular ?? '',
    shortNames: [...(names.shortNames ?? [])],
    namespaced: spec.scope === 'Namespaced',
    categories: [...(names.categories ?? [])],
    strategy: customResourceStrategy(v),
    custom: {
      crd: crd.metadata.name ?? '',
      printerColumns: v.additionalPrinterColumns?.length ? (v.additionalPrinterColumns as PrinterColumn[]) : DEFAULT_COLUMNS,
      statusSubresource: v.subresources?.status !== undefined,
      schema: v.schema?.openAPIV3Schema as JsonSchema | undefined,
    },
  }))
}

/** What the body of a create or update carries that the version's schema does not declare (removed from `obj`). */
export function pruneCustomResource(rt: ResourceType, obj: KObject): string[] {
  const schema = rt.custom?.schema
  return schema ? pruneUnknownFields(obj, schema) : []
}

function customResourceStrategy(v: CrdVersion): Strategy {
  const schema = v.schema?.openAPIV3Schema as JsonSchema | undefined
  const status = v.subresources?.status !== undefined
  const validate = (obj: KObject): FieldError[] => (schema ? validateAgainstSchema(obj, schema) : [])
  return {
    tracksGeneration: true,
    // with the status subresource, a create's status is dropped: status is written through /status only
    prepareForCreate: status ? (obj: KObject) => void delete obj.status : undefined,
    validate,
    validateUpdate: validate,
    specChanged: (obj: KObject, old: KObject) => {
      const strip = (o: KObject) => ({...o, metadata: undefined, ...(status ? {status: undefined} : {})})
      return !semanticEqual(strip(obj), strip(old))
    },
  }
}

/** Deletes every object of the CRD's kind (all its versions share one storage), before the CRD goes. */
export function deleteCustomResources(api: ApiCore, crd: KObject): void {
  const name = crd.metadata.name
  const rt = allTypes().find((t) => t.custom?.crd === name)
  if (!rt) return
  for (const item of api.store.list<KObject>(rt.kind).items) api.store.delete({kind: rt.kind, namespace: item.value.metadata.namespace ?? '', name: item.name})
}
