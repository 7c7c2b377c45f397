// `create --edit` (kubectl's RunEditOnCreate, editoptions.go in EditBeforeCreateMode): each object of the
// -f files, in its namespace, is opened in the editor on its own; what is saved is created, an unchanged
// file creates nothing. A failed create keeps the file and the next object is still edited; the errors
// are printed at the end as kubectl aggregates them. kubectl sends these creates without --dry-run
// (RunEditOnCreate passes no dry-run strategy) and reads no -l: both are ignored here too.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {lookupKind} from '../../api/registry.js'
import {aggregateErrorText, CliError} from '../errors.js'
import {fieldValidationOf} from '../flags.js'
import {printerFor, printOptionsOf} from '../print/print-flags.js'
import {resolveResources} from '../resource/files.js'
import {placeInNamespace} from '../resource/namespace.js'
import {readStdin} from '../resource/stdin.js'
import type {CreateFlags} from './create.js'
import {editFormat, editLoop, preserved, type LoopSession} from './edit.js'
import {EditStop, type SaveResults} from './edit-save.js'
import {withLastApplied} from './last-applied.js'
import type {Sinks} from './sinks.js'

export type CreateEditFlags = CreateFlags & {'windows-line-endings': boolean}

/** resource.RequireNamespace(cmdNamespace): an edited object must stay in the command's namespace. */
function inCommandNamespace(obj: KObject, target: Target): KObject {
  const rt = lookupKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''))
  if (!rt?.namespaced) return obj
  const ns = obj.metadata.namespace
  if (!ns) return {...obj, metadata: {...obj.metadata, namespace: target.namespace}}
  if (ns !== target.namespace) {
    throw new CliError(`the namespace from the provided object "${ns}" does not match the namespace "${target.namespace}". You must pass '--namespace=${ns}' to perform this operation.`)
  }
  return obj
}

/** visitAnnotation then visitToCreate: each edited object created and printed; the first failure ends this object's edit. */
function createEdited(api: Api, target: Target, flags: CreateEditFlags, sinks: Sinks, edited: KObject[], file: string): SaveResults {
  const printer = printerFor(flags.output, {operation: 'created', ...printOptionsOf(flags)})
  for (const obj of edited) {
    try {
      let out = inCommandNamespace(obj, target)
      if (flags['save-config']) out = withLastApplied(out)
      const r = api.create(out, {fieldValidation: fieldValidationOf(flags.validate)})
      for (const w of r.warnings) sinks.err(`Warning: ${w}`)
      sinks.out(printer.print(r.object))
    } catch (error) {
      throw new EditStop(error, file)
    }
  }
  return {reasons: [], retryable: 0, notfound: 0}
}

/** Runs `create --edit`; returns the aggregated error text (empty when every object went well). */
export function runCreateEdit(api: Api, target: Target, flags: CreateEditFlags, sinks: Sinks, bin: string, stdin: () => string = readStdin): string[] {
  const found = resolveResources(api, {namespace: target.namespace, enforceNamespace: target.namespaceExplicit, files: flags.filename ?? [], recursive: flags.recursive, validate: false, stdin})
  const errors: unknown[] = [...found.errors]
  for (const info of found.infos) {
    try {
      const format = editFormat(flags.output)
      const object = placeInNamespace(info.object!, info.rt, target)
      const session: LoopSession = {sinks, bin, originals: [{rt: info.rt, object}], fieldValidation: fieldValidationOf(flags.validate), crlf: flags['windows-line-endings']}
      editLoop(session, format, (edited, file) => createEdited(api, target, flags, sinks, edited, file))
    } catch (error) {
      errors.push(preserved(error, sinks))
    }
  }
  return errors.length > 0 ? [aggregateErrorText(errors)] : []
}
