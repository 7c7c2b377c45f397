// The status and scale subresources as PATCH reaches them: `status` takes only the patched status (spec
// and metadata stay as stored, as the status strategies reset them); `scale` is the autoscaling/v1 Scale
// view of a workload, whose spec.replicas is written back to the workload.
import type {ApiCore, WriteOptions} from '../api-core.js'
import type {ResourceType} from '../registry.js'
import type {KObject} from '../types.js'

import {apiErrors, StatusError} from '../errors.js'
import {clone} from '../meta.js'
import {labelSelectorFromObject, labelSelectorString} from '../../machinery/labels.js'

/** kubectl's supportedSubresources. */
export type Subresource = 'status' | 'scale'

export const STATUS_KINDS = new Set(['Pod', 'Node', 'Namespace', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'])
const SCALE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'])

/** The 404 for a subresource the kind does not have (no such path on the API server). */
export function checkSubresource(rt: ResourceType, sub: Subresource | undefined): void {
  if (!sub) return
  const kinds = sub === 'status' ? STATUS_KINDS : sub === 'scale' ? SCALE_KINDS : undefined
  if (!kinds?.has(rt.kind)) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource', {})
}

/** The Scale object a workload's scale subresource shows. */
export function scaleOf(obj: KObject): KObject {
  const m = obj.metadata
  const spec = (obj.spec ?? {}) as {replicas?: number; selector?: Parameters<typeof labelSelectorFromObject>[0]}
  const status = (obj.status ?? {}) as {replicas?: number}
  // a ReplicationController's selector is a plain label map
  const sel = obj.kind === 'ReplicationController' ? {matchLabels: spec.selector as Record<string, string> | undefined} : spec.selector
  const selector = labelSelectorString(labelSelectorFromObject(sel))
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp},
    // autoscaling/v1 omits a zero spec.replicas and an empty selector
    spec: spec.replicas ? {replicas: spec.replicas} : {},
    status: {replicas: status.replicas ?? 0, ...(selector ? {selector} : {})},
  }
}

/** Writes a patched status: only `status` is taken; no write when it did not change. */
export function writeStatus(api: ApiCore, stored: KObject, next: KObject, opts: WriteOptions): KObject {
  if (JSON.stringify(next.status) === JSON.stringify(stored.status)) return stored
  const input = {...stored, status: next.status, metadata: {...stored.metadata, resourceVersion: next.metadata.resourceVersion ?? stored.metadata.resourceVersion}}
  if (opts.dryRun) return clone(input)
  return api.updateStatus(input, opts)
}

/** Writes a patched Scale's replicas to the workload (ValidateScale first); returns the new Scale. */
export function writeScale(api: ApiCore, stored: KObject, next: KObject, opts: WriteOptions): KObject {
  const replicas = (next.spec as {replicas?: unknown} | undefined)?.replicas
  const name = stored.metadata.name ?? ''
  if (typeof replicas === 'number' && replicas < 0) {
    throw apiErrors.invalid('Scale', 'autoscaling', name, [{type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, hasValue: true, detail: 'must be greater than or equal to 0'}])
  }
  const workload = clone(stored)
  ;(workload.spec as {replicas?: number}).replicas = typeof replicas === 'number' ? replicas : 0
  return scaleOf(api.update(workload, {...opts, subresource: 'scale'}))
}
