// `edit`: kubectl's edit loop (cmd/util/editor/editoptions.go, normal mode). The objects are fetched
// (several as one List), written with the header comment to a temporary file, opened in the user's
// editor, read back, checked, and each changed object sent as the strategic merge patch from what was
// shown to what was saved. A save the server refuses as invalid reopens the file with the reasons at
// the top; a conflict or a deleted object ends with the file kept and kubectl's words about it.
import fs from 'node:fs'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {qualifiedPlural} from '../../api/registry.js'
import {isStatusError} from '../../api/errors.js'
import {checkSubresource, scaleOf, type Subresource} from '../../api/patch/subresources.js'
import {goQuote} from '../../machinery/go-format.js'
import {CliError, errorText, RunErrors} from '../errors.js'
import {fieldValidationOf} from '../flags.js'
import {formatObjects, omitManagedFields} from '../print/objects.js'
import {resolveResources} from '../resource/files.js'
import {MISSING_RESOURCE} from '../resource/builder.js'
import {editHeader, hasLines, manualStrip, stripComments, withCrlf, type EditReason} from './edit-file.js'
import type {EditFlags} from './edit-flags.js'
import {editorOf, launchTempFile} from './editor.js'
import {EditStop, saveEdits, type EditSession, type Original, type SaveResults} from './edit-save.js'
import {editedObjects, validationError} from './edit-parse.js'
import type {Sinks} from './sinks.js'

/** The objects named by the arguments or files, read from the server; lookup errors end the command. */
function originals(api: Api, target: Target, args: string[], flags: EditFlags): Original[] {
  const found = resolveResources(api, {namespace: target.namespace, enforceNamespace: target.namespaceExplicit, args, files: flags.filename ?? [], recursive: flags.recursive, latest: true, missing: new CliError(MISSING_RESOURCE)})
  // every lookup error is printed, and nothing is edited (kubectl's ContinueOnError builder, then Infos())
  if (found.errors.length > 0) throw new RunErrors(found.errors.map((e) => errorText(e)))
  const sub = flags.subresource
  // the builder GETs the subresource: a kind without it, or a name the server has no path for, is a 404
  // (kubectl 1.35.2 reaches no check of its own: `--subresource scale` shows the Scale, which it then
  // cannot map back when saving, as the binary does)
  if (sub !== undefined) for (const i of found.infos) checkSubresource(i.rt, sub === 'status' || sub === 'scale' ? sub : ('unknown' as Subresource))
  const out = found.infos.map((i) => ({rt: i.rt, object: sub === 'scale' ? scaleOf(i.object!) : i.object!}))
  return out
}

/** The editor's format from -o: YAML with the header, or JSON without it; any other -o cannot be edited. */
export function editFormat(output: string | undefined): 'yaml' | 'json' {
  if (output === undefined || output === '' || output === 'yaml') return 'yaml'
  if (output === 'json') return 'json'
  throw new CliError(`unable to match a printer suitable for the output format ${goQuote(output)}, allowed formats are: json,kyaml,yaml`)
}

/** What the editor shows: one object, or several in a List, without their managedFields. */
export function shown(objs: KObject[], format: 'yaml' | 'json'): string {
  if (objs.length === 1) return formatObjects(objs, format)
  const list = {apiVersion: 'v1', items: objs.map(omitManagedFields), kind: 'List', metadata: {}} as unknown as KObject
  return formatObjects([list], format)
}

/** Runs `edit`; returns the lines of a failure kubectl ends with (printed as they are, exit 1). */
export function runEdit(api: Api, target: Target, args: string[], flags: EditFlags, sinks: Sinks, bin: string): string[] {
  const format = editFormat(flags.output)
  const found = originals(api, target, args, flags)
  if (found.length === 0) throw new CliError('edit cancelled, no objects found')
  const session: EditSession = {api, target, flags, sinks, bin, originals: found, fieldValidation: fieldValidationOf(flags.validate)}
  const loop = {...session, crlf: flags['windows-line-endings']}
  try {
    return editLoop(loop, format, (edited, file) => saveEdits(session, edited, file))
  } catch (error) {
    throw preserved(error, sinks)
  }
}

/** kubectl's preservedFile: an EditStop's file is named on stderr and its cause is what fails; other errors pass through. */
export function preserved(error: unknown, sinks: Sinks): unknown {
  if (!(error instanceof EditStop)) return error
  if (error.file && fs.existsSync(error.file)) sinks.err(`A copy of your changes has been stored to ${goQuote(error.file)}`)
  return error.cause
}

/** What one edit session needs: where it writes, the objects shown (the first names an invalid file), the validation. */
export type LoopSession = Pick<EditSession, 'sinks' | 'bin' | 'originals' | 'fieldValidation'> & {crlf: boolean}

/**
 * The editor loop of editoptions.go's editFn: show, read back, check, and hand the objects to `save`
 * (patch them for `edit`, create them for `create --edit`); reopen with the reasons save returns.
 */
export function editLoop(s: LoopSession, format: 'yaml' | 'json', save: (edited: KObject[], file: string) => SaveResults): string[] {
  const editor = editorOf()
  const ext = format === 'json' ? '.json' : '.yaml'
  const display = shown(s.originals.map((o) => o.object), format)
  let reasons: EditReason[] = []
  let containsError = false
  let edited = ''
  let kept = ''
  for (;;) {
    let text = format === 'yaml' ? editHeader(reasons) : ''
    text += containsError ? manualStrip(edited) : display
    if (s.crlf) text = withCrlf(text)
    const before = edited
    let file: string
    try {
      ;({edited, file} = launchTempFile(editor, `${s.bin}-edit-`, ext, text))
    } catch (error) {
      throw new EditStop(error, kept)
    }
    if (containsError && stripComments(before) === stripComments(edited)) throw new EditStop(new CliError('Edit cancelled, no valid changes were saved.'), file)
    if (kept) fs.rmSync(kept, {force: true})
    kept = file
    const invalid = s.fieldValidation === 'Ignore' ? undefined : validationError(manualStrip(edited))
    if (invalid !== undefined) {
      const o = s.originals[0]!
      const name = `${qualifiedPlural(o.rt)} "${o.object.metadata.name}"`
      reasons = [{head: `${name} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${invalid}`]}]
      containsError = true
      s.sinks.err(`error: ${name} is invalid`)
      continue
    }
    if (stripComments(display) === stripComments(edited)) {
      fs.rmSync(file, {force: true})
      s.sinks.err('Edit cancelled, no changes made.')
      return []
    }
    if (!hasLines(edited)) {
      fs.rmSync(file, {force: true})
      s.sinks.err('Edit cancelled, saved file was empty.')
      return []
    }
    const parsed = editedObjects(edited)
    if (typeof parsed === 'string') {
      reasons = [{head: `The edited file had a syntax error: ${parsed}`, other: []}]
      containsError = true
      continue
    }
    const results = save(parsed, file)
    if (results.retryable > 0) return [`You can run \`${s.bin} replace -f ${file}\` to try this update again.`]
    if (results.notfound > 0) return [`The edits you made on deleted resources have been saved to ${goQuote(file)}`]
    if (results.reasons.length === 0) {
      fs.rmSync(file, {force: true})
      return []
    }
    reasons = results.reasons
    containsError = true
  }
}
