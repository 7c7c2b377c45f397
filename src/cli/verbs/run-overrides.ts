// `run --overrides`: kubectl's Overrider (cmd/util/override_options.go) encodes the generated Pod, patches
// the JSON (merge by default, --override-type=strategic|json), and decodes the result back into a typed
// Pod — which drops unknown fields and brings back the fields every encoded Pod carries.
import type {KObject} from '../../api/types.js'
import {objectOf} from './three-way-merge.js'

import {applyPatch, isMap, type PatchType} from '../../api/patch/apply-patch.js'
import {GoJsonError, parseGoJson} from '../../api/patch/go-json.js'
import {JsonPatchError} from '../../api/patch/json-patch.js'
import type {Json} from '../../api/patch/merge-patch.js'
import {StrategicPatchError} from '../../api/patch/strategic.js'
import {checkFields} from '../../api/schema/strict.js'
import {CliError} from '../errors.js'

const goKind = (v: Json): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : isMap(v) ? 'object' : typeof v)

/** The patch document for `type`, refused with the text kubectl's patch libraries give. */
function parsePatch(type: PatchType, text: string): Json {
  let patch: Json
  try {
    patch = parseGoJson(text)
  } catch (error) {
    if (!(error instanceof GoJsonError)) throw error
    // evanphx MergePatch and strategicpatch report any unparsable document the same way
    if (type === 'merge') throw new CliError('Invalid JSON Patch')
    if (type === 'strategic') throw new CliError('invalid JSON document')
    throw new CliError(error.message)
  }
  if (type === 'merge' && patch === null) throw new CliError('Invalid JSON Patch')
  if (type === 'strategic' && !isMap(patch)) throw new CliError('invalid JSON document')
  return patch
}

/**
 * Go re-encodes a decoded Pod with its empty structs present; a zero creationTimestamp (absent or null) is
 * omitted since 1.35 (omitzero), where 1.32 printed `creationTimestamp: null`.
 */
function encodedAgain(obj: Record<string, Json>): Record<string, Json> {
  const {creationTimestamp, ...meta} = isMap(obj.metadata) ? obj.metadata : {}
  const out: Record<string, Json> = {...obj, metadata: creationTimestamp === null || creationTimestamp === undefined ? meta : {...meta, creationTimestamp}}
  const spec = isMap(obj.spec) ? obj.spec : {}
  const containers = Array.isArray(spec.containers) ? spec.containers : undefined
  out.spec = containers ? {...spec, containers: containers.map((c) => (isMap(c) ? {...c, resources: c.resources ?? {}} : c))} : spec
  out.status = obj.status ?? {}
  return out
}

/** The generated object with `overrides` applied as `overrideType`, as kubectl run sends it. */
export function applyOverrides(obj: KObject, overrides: string, overrideType: string): KObject {
  if (overrides === '') return obj
  if (!['json', 'merge', 'strategic'].includes(overrideType)) throw new CliError(`invalid override type: ${overrideType}`)
  const type = overrideType as PatchType
  const patch = parsePatch(type, overrides)
  let patched: Json
  try {
    patched = applyPatch(obj, type, patch)
  } catch (error) {
    if (error instanceof JsonPatchError || error instanceof StrategicPatchError) throw new CliError(error.message)
    throw error
  }
  if (!isMap(patched)) {
    throw new CliError(`couldn't get version/kind; json parse error: json: cannot unmarshal ${goKind(patched)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`)
  }
  const check = checkFields(obj.kind, obj.apiVersion, patched, {prune: true})
  if (check.typeError !== undefined) throw new CliError(check.typeError)
  return objectOf(encodedAgain(patched))
}
