// Saving what `edit` read back (editoptions.go's visitAnnotation and visitToPatch): each edited object is
// matched to the one shown by its uid, checked against the namespace, given the last-applied annotation
// with --save-config, and sent as the two-way strategic merge patch from the shown object to the edited
// one. A server error is sorted as kubectl sorts it: invalid (the file reopens with the causes), not
// found (the object was deleted meanwhile) or anything else (retryable with `replace -f`).
import type {Api} from '../../api/server.js'
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {qualifiedPlural} from '../../api/registry.js'
import {isStatusError, type StatusError} from '../../api/errors.js'
import {sameJson} from '../../api/patch/apply-patch.js'
import {twoWayPatch} from '../../api/patch/create-patch.js'
import {goJson, goSharpV} from '../../machinery/go-format.js'
import {CliError} from '../errors.js'
import {formatObjects} from '../print/objects.js'
import {printerFor} from '../print/print-flags.js'
import type {EditReason} from './edit-file.js'
import {withLastApplied} from './last-applied.js'
import type {EditFlags} from './edit-flags.js'
import type {Obj} from './three-way-merge.js'
import type {Sinks} from './sinks.js'

/** One object as it was shown in the editor. */
export interface Original {
  rt: ResourceType
  object: KObject
}

export interface EditSession {
  api: Api
  target: Target
  flags: EditFlags
  sinks: Sinks
  /** the command's name, for the temporary file and the `replace -f` advice */
  bin: string
  originals: Original[]
  fieldValidation: 'Strict' | 'Warn' | 'Ignore'
}

/** An error that ends the edit, with the file that holds the user's changes (kubectl's preservedFile). */
export class EditStop extends Error {
  constructor(
    override readonly cause: unknown,
    readonly file: string,
  ) {
    super(cause instanceof Error ? cause.message : String(cause))
  }
}

export interface SaveResults {
  reasons: EditReason[]
  retryable: number
  notfound: number
}

const PRECONDITION = 'At least one of apiVersion, kind and name was changed'

function withManagedFields(obj: KObject, managedFields: unknown): KObject {
  const metadata = {...obj.metadata} as Record<string, unknown>
  if (managedFields === undefined) delete metadata.managedFields
  else metadata.managedFields = managedFields
  return {...obj, metadata} as KObject
}

/** The edited objects made ready to save: managedFields back from the originals, namespace checked, annotated. */
function prepared(s: EditSession, edited: KObject[]): KObject[] {
  const byUid = new Map(s.originals.map((o) => [o.object.metadata.uid, o]))
  return edited.map((obj) => {
    const orig = byUid.get(obj.metadata.uid)
    let out = withManagedFields(obj, (orig?.object.metadata as {managedFields?: unknown} | undefined)?.managedFields)
    if (orig?.rt.namespaced) {
      const ns = out.metadata.namespace
      if (!ns) out = {...out, metadata: {...out.metadata, namespace: s.target.namespace}}
      else if (ns !== s.target.namespace) {
        throw new CliError(`the namespace from the provided object "${ns}" does not match the namespace "${s.target.namespace}". You must pass '--namespace=${ns}' to perform this operation.`)
      }
    }
    return s.flags['save-config'] ? withLastApplied(out) : out
  })
}

function print(s: EditSession, obj: KObject, operation: string): void {
  const output = s.flags.output
  if (output === 'yaml' || output === 'json') s.sinks.out(formatObjects([obj], output, s.flags['show-managed-fields']))
  else s.sinks.out(printerFor(undefined, {operation}).print(obj))
}

/** Saves every edited object; errors that end the edit are thrown as EditStop with `file`. */
export function saveEdits(s: EditSession, edited: KObject[], file: string): SaveResults {
  const results: SaveResults = {reasons: [], retryable: 0, notfound: 0}
  let objs: KObject[]
  try {
    objs = prepared(s, edited)
  } catch (error) {
    throw new EditStop(error, file)
  }
  for (const obj of objs) {
    const orig = s.originals.find((o) => o.object.metadata.uid === obj.metadata.uid)
    if (!orig) throw new EditStop(new CliError(`no original object found for &unstructured.Unstructured{Object:${goSharpV(obj)}}`), file)
    if (sameJson(orig.object, obj)) {
      print(s, obj, 'skipped')
      continue
    }
    const patch = twoWayPatch(orig.object as unknown as Obj, obj as unknown as Obj)
    const meta = patch.metadata as Obj | undefined
    if ('apiVersion' in patch || 'kind' in patch || (meta && 'name' in meta)) throw new EditStop(new CliError(PRECONDITION), file)
    if (s.flags['output-patch']) s.sinks.out(`Patch: ${goJson(patch)}\n`)
    const {rt} = orig
    const ns = rt.namespaced ? obj.metadata.namespace! : ''
    try {
      // a kind kubectl's scheme does not know (a custom resource) gets the generic JSON merge patch: without
      // patch metadata the two-way patch is exactly that
      const type = rt.custom ? 'merge' : 'strategic'
      const patched = s.api.patch(rt, ns, orig.object.metadata.name!, type, goJson(patch), {fieldValidation: s.fieldValidation, subresource: s.flags.subresource as 'status' | undefined})
      print(s, patched, 'edited')
    } catch (error) {
      if (!isStatusError(error)) throw error
      s.sinks.err(addError(results, error, rt, orig.object.metadata.name!))
    }
  }
  return results
}

/** editResults.addError: the error sorted, and the line kubectl prints for it. */
function addError(r: SaveResults, error: StatusError, rt: ResourceType, name: string): string {
  const what = `${qualifiedPlural(rt)} "${name}"`
  if (error.reason === 'Invalid') {
    r.reasons.push({head: `${what} was not valid`, other: (error.details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message}`)})
    return `error: ${what} is invalid`
  }
  if (error.reason === 'NotFound') {
    r.notfound++
    return `error: ${what} could not be found on the server`
  }
  r.retryable++
  return `error: ${what} could not be patched: ${error.message}`
}
