// Server-side field validation (kubectl's --validate, the API's fieldValidation parameter): decoding a
// create/update body as kube-apiserver does, with its messages. Strict fails on unknown fields, Warn
// returns them as warnings, Ignore drops them silently; a value of the wrong type fails in every mode.
import {apiErrors} from '../errors.js'
import {FieldDecoder} from './decoder.js'
import {defaultSchema, type Schema} from './schema.js'

/** The pod strategy drops gated-off fields after decoding; they live beside the decoder. */
export {dropDisabledPodFields, dropDisabledPodSpecFields, DISABLED_POD_FIELDS} from './drop-disabled.js'

/** metav1.FieldValidation: what the API server does with unknown fields. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

/** The outcome of decoding: unknown field paths in the order the server reports them, and a fatal error. */
export interface FieldCheck {
  /** e.g. `spec.containers[0].imagee` */
  unknown: string[]
  /** the decode error text, e.g. `json: cannot unmarshal string into Go struct field ...` */
  typeError?: string
}

/** How checkFields runs: pruning unknown fields, and the schema to use (tests pass their own). */
export interface CheckOptions {
  /** remove unknown fields from `obj`, as decoding into the Go struct does (default false) */
  prune?: boolean
  schema?: Schema
}

/** The struct id of a kind ksim serves, or undefined. */
function rootOf(schema: Schema, kind: string, apiVersion: string): string | undefined {
  return schema.roots.get(`${apiVersion}/${kind}`)
}

/** Decodes `obj` as the kind's Go struct; kinds outside the schema are not checked. */
export function checkFields(kind: string, apiVersion: string, obj: unknown, opts: CheckOptions = {}): FieldCheck {
  const schema = opts.schema ?? defaultSchema()
  const root = rootOf(schema, kind, apiVersion)
  if (!root) return {unknown: []}
  const decoder = new FieldDecoder(schema, opts.prune ?? false)
  const typeError = decoder.decode(obj, root)
  return typeError === undefined ? {unknown: decoder.unknown} : {unknown: decoder.unknown, typeError}
}

/** `unknown field "spec.foo"`: one strict decoding error (and one Warn-mode warning). */
export function unknownFieldWarnings(result: FieldCheck): string[] {
  return result.unknown.map((p) => `unknown field ${JSON.stringify(p)}`)
}

/**
 * The BadRequest message for a failed decode, or undefined when the decode succeeds under `mode`:
 * `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"`.
 */
export function strictDecodingMessage(kind: string, apiVersion: string, result: FieldCheck, mode: FieldValidation = 'Strict'): string | undefined {
  let cause: string
  if (result.typeError !== undefined) cause = result.typeError
  else if (mode === 'Strict' && result.unknown.length > 0) cause = `strict decoding error: ${unknownFieldWarnings(result).join(', ')}`
  else return undefined
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1)
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${cause}`
}

/**
 * What the API server does with a create or update body before anything else: throws the 400
 * BadRequest StatusError kube-apiserver returns (leaving `obj` as it was), or removes unknown fields
 * from `obj` and returns the warnings to print (`Warning: unknown field "spec.foo"` in Warn mode).
 */
export function decodeFields(obj: {kind: string; apiVersion: string}, mode: FieldValidation = 'Strict', schema?: Schema): string[] {
  const result = checkFields(obj.kind, obj.apiVersion, obj, {schema})
  const message = strictDecodingMessage(obj.kind, obj.apiVersion, result, mode)
  if (message !== undefined) throw apiErrors.badRequest(message)
  if (result.unknown.length > 0) checkFields(obj.kind, obj.apiVersion, obj, {prune: true, schema})
  return mode === 'Warn' ? unknownFieldWarnings(result) : []
}
