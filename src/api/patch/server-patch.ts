// PATCH as kube-apiserver serves it (endpoints/handlers/patch.go): decode the body for its patch type,
// apply it to the current object, decode the result strictly, then write it through the ordinary update
// path (defaulting, full update validation, admission) in one transaction. A patch that changes nothing
// writes nothing and keeps the resourceVersion.
import type {ApiCore, WriteOptions} from '../api-core.js'
import type {ResourceType} from '../registry.js'
import type {KObject} from '../types.js'

import {goJson, goSprint} from '../../machinery/go-format.js'
import {apiErrors, type FieldError} from '../errors.js'
import {checkFields, unknownFieldWarnings} from '../schema/strict.js'
import {applyPatch, isMap, sameJson, type PatchType} from './apply-patch.js'
import {GoJsonError, parseGoJson} from './go-json.js'
import {JsonPatchError} from './json-patch.js'
import type {Json} from './merge-patch.js'
import {StrategicPatchError} from './strategic.js'
import {serverSideApply} from '../managed/apply.js'
import {checkSubresource, scaleOf, writeScale, writeStatus, type Subresource} from './subresources.js'

/** A PATCH request's options: the write options and the subresource it goes to. */
export interface PatchOptions extends WriteOptions {
  subresource?: Subresource
  /** server-side apply: take conflicting fields from their managers */
  force?: boolean
}

/** The Go type json.Unmarshal names for a JSON value it cannot put into the target. */
function goKind(v: Json): string {
  return Array.isArray(v) ? 'array' : isMap(v) ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v
}

/** Decodes the request body for `type`, with the API server's BadRequest texts. */
export function decodePatchBody(type: PatchType, body: string): Json {
  const prefix = type === 'strategic' ? '' : 'error decoding patch: '
  let patch: Json
  try {
    patch = parseGoJson(body)
  } catch (error) {
    if (error instanceof GoJsonError) throw apiErrors.badRequest(prefix + error.message)
    throw error
  }
  if (patch === null) return type === 'json' ? [] : {}
  if (type === 'json' && !Array.isArray(patch)) throw apiErrors.badRequest(`${prefix}json: cannot unmarshal ${goKind(patch)} into Go value of type []handlers.jsonPatchOp`)
  if (type !== 'json' && !isMap(patch)) throw apiErrors.badRequest(`${prefix}json: cannot unmarshal ${goKind(patch)} into Go value of type map[string]interface {}`)
  if (type === 'json') {
    for (const op of patch as Json[]) {
      if (!isMap(op)) throw apiErrors.badRequest(`${prefix}json: cannot unmarshal ${goKind(op)} into Go value of type handlers.jsonPatchOp`)
    }
  }
  return patch
}

/** A Scale's replicas that would not decode into its int32. */
function scaleTypeError(obj: KObject): string | undefined {
  if (obj.kind !== 'Scale') return undefined
  const replicas = (obj.spec as {replicas?: Json} | undefined)?.replicas
  if (replicas === undefined || replicas === null || (typeof replicas === 'number' && Number.isInteger(replicas))) return undefined
  const what = typeof replicas === 'number' ? `number ${replicas}` : goKind(replicas)
  return `json: cannot unmarshal ${what} into Go struct field ScaleSpec.spec.replicas of type int32`
}

/** Applies the patch to the object as stored; the caller holds the transaction. */
function patched(current: KObject, type: PatchType, patch: Json): KObject {
  let out: Json
  try {
    out = applyPatch(current, type, patch)
  } catch (error) {
    if (error instanceof JsonPatchError) throw apiErrors.unprocessable()
    if (error instanceof StrategicPatchError) throw error.status === 'BadRequest' ? apiErrors.badRequest(error.message) : apiErrors.untyped(error.message)
    throw error
  }
  if (!isMap(out)) throw apiErrors.badRequest(`json: cannot unmarshal ${goKind(out)} into Go value of type map[string]interface {}`)
  const obj = out as KObject
  // the patched object is decoded into its Go type with fieldValidation=Strict (kubectl's default)
  const check = checkFields(current.kind, current.apiVersion, obj)
  const problem = check.typeError ?? scaleTypeError(obj) ?? (check.unknown.length > 0 ? `strict decoding error: ${unknownFieldWarnings(check).join(', ')}` : undefined)
  if (problem !== undefined) {
    const value = type === 'strategic' ? goSprint(patch) : goJson(out)
    const err: FieldError = {type: 'FieldValueInvalid', field: 'patch', value, hasValue: true, detail: problem}
    throw apiErrors.invalid('', '', '', [err])
  }
  return obj
}

/** PATCH `namespace/name` of type `rt`; returns the object as stored (or as it would be, dry-run). */
export function patchObject(api: ApiCore, rt: ResourceType, namespace: string, name: string, type: PatchType, body: string, opts: PatchOptions = {}): KObject {
  checkSubresource(rt, opts.subresource)
  if (type === 'apply') return serverSideApply(api, rt, namespace, name, body, opts)
  if (opts.force !== undefined) {
    throw apiErrors.invalid('PatchOptions', 'meta.k8s.io', '', [{type: 'FieldValueForbidden', field: 'force', detail: 'may not be specified for non-apply patch'}])
  }
  const patch = decodePatchBody(type, body)
  return api.store.transaction(() => {
    const stored = api.get(rt, namespace, name)
    const current = opts.subresource === 'scale' ? scaleOf(stored) : stored
    const next = patched(current, type, patch)
    next.metadata ??= {}
    if (next.metadata.name !== name) {
      throw apiErrors.badRequest(`the name of the object (${next.metadata.name ?? ''}) does not match the name on the URL (${name})`)
    }
    if (rt.namespaced && !next.metadata.namespace) next.metadata.namespace = namespace
    if (rt.namespaced && next.metadata.namespace !== namespace) {
      throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
    if (sameJson(next, current)) return current
    if (opts.subresource === 'status') return writeStatus(api, stored, next, opts)
    if (opts.subresource === 'scale') return writeScale(api, stored, next, opts)
    next.metadata.resourceVersion ??= current.metadata.resourceVersion
    const {subresource: _, force: _f, ...write} = opts
    return api.update(next, write)
  })
}
