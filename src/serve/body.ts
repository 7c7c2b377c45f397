// Request bodies as the API server decodes them: the Content-Type picks the decoder (JSON, YAML; a patch
// type for PATCH), anything else is 415; a body that does not parse is 400 with the decoder's message.
import type {IncomingMessage} from 'node:http'
import yaml from 'js-yaml'

import type {PatchType} from '../api/patch/apply-patch.js'
import type {ResourceType} from '../api/registry.js'
import type {KObject} from '../api/types.js'

import {apiErrors} from '../api/errors.js'
import {GoJsonError, parseGoJson} from '../api/patch/go-json.js'
import {apiVersionOf} from '../api/registry.js'
import {decodeDeleteOptionsProtobuf, decodeProtobuf, PROTOBUF} from './protobuf.js'

const OBJECT_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf', 'application/cbor']

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
}

/** The media type of the request body (parameters dropped); empty means JSON, as the API server takes it. */
function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
}

/** The patch type the Content-Type names, or 415. */
export function patchTypeOf(req: IncomingMessage): PatchType {
  const type = PATCH_TYPES[mediaType(req)]
  if (!type) throw apiErrors.unsupportedMediaType([...Object.keys(PATCH_TYPES).slice(0, 2), 'application/apply-patch+yaml', 'application/strategic-merge-patch+json'])
  return type
}

/** kube-apiserver's summarizeData: a body that starts with '{' as text, anything else in hex, cut at `max` bytes. */
function summarize(body: Buffer, max: number): string {
  if (body.length === 0) return '<empty>'
  const head = body.subarray(0, max)
  const text = body[0] === 0x7b ? head.toString('latin1') : head.toString('hex')
  return body.length > max ? `${text} ...` : text
}

/** A body whose kind cannot be read, as the create and update handlers report it (transformDecodeError). */
function unrecognized(rt: ResourceType, reason: string, body: Buffer) {
  return apiErrors.badRequest(`the object provided is unrecognized (must be of type ${rt.kind}): couldn't get version/kind; json parse error: ${reason} (${summarize(body, 30)})`)
}

/** A write's body decoded into an object of `rt` (kind and apiVersion filled in when absent). */
export function decodeObject(req: IncomingMessage, body: string, rt: ResourceType, raw?: Buffer): KObject {
  const type = mediaType(req) || 'application/json'
  if (type === PROTOBUF && raw) return checkedKind(decodeProtobuf(raw, OBJECT_TYPES), rt)
  if (type !== 'application/json' && type !== 'application/yaml') throw apiErrors.unsupportedMediaType(OBJECT_TYPES)
  let value: unknown
  try {
    value = type === 'application/json' ? parseGoJson(body) : yaml.load(body)
  } catch (error) {
    if (error instanceof GoJsonError || error instanceof yaml.YAMLException) throw unrecognized(rt, error.message, raw ?? Buffer.from(body))
    throw error
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unrecognized(rt, `json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`, raw ?? Buffer.from(body))
  }
  return checkedKind(value as KObject, rt)
}

/** Kind and apiVersion filled in from the path when absent; 400 when they name another type. */
function checkedKind(obj: KObject, rt: ResourceType): KObject {
  obj.kind ||= rt.kind
  obj.apiVersion ||= apiVersionOf(rt)
  if (obj.kind !== rt.kind || obj.apiVersion !== apiVersionOf(rt)) {
    throw apiErrors.badRequest(`${obj.kind} in version "${obj.apiVersion}" cannot be handled as a ${rt.kind}: the object kind does not match the kind of this resource`)
  }
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {}
  return obj
}

/** The body of a request that may carry options (DELETE, eviction): an empty body is none. */
export function decodeOptional(body: string, req?: IncomingMessage, raw?: Buffer): Record<string, unknown> | undefined {
  if (body.trim() === '') return undefined
  if (req && raw && mediaType(req) === PROTOBUF) return decodeDeleteOptionsProtobuf(raw)
  try {
    const v = parseGoJson(body)
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>
  } catch (error) {
    if (!(error instanceof GoJsonError)) throw error
    throw apiErrors.badRequest(`couldn't get version/kind; json parse error: ${error.message}`)
  }
  throw apiErrors.badRequest('the body of the request is not a JSON object')
}
