// `apply -f`: kubectl's client-side apply. Absent objects are created with the last-applied annotation;
// present ones get a three-way merge of last-applied, file and live object, written back if it changes
// anything ("configured") and left alone otherwise ("unchanged").
import {Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError, StatusError} from '../../api/errors.js'
import {qualifiedPlural, type ResourceType} from '../../api/registry.js'
import {goJson} from '../../machinery/go-format.js'
import {threeWayPatch} from '../../api/patch/create-patch.js'
import {LAST_APPLIED, withLastApplied} from './last-applied.js'
import {eachDocument, manifestObjects} from './manifest-documents.js'
import type {Sinks} from './sinks.js'
import {CliError} from '../errors.js'
import {dryRunFlag, fieldValidationOf, filenameFlag, recursiveFlag, selectorFlag, validateFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf, type WithPrintFlags} from '../print/print-flags.js'
import {readStdin} from '../resource/stdin.js'
import {placeInNamespace} from '../resource/namespace.js'
import {jsonOf, objectOf, threeWayMerge, unchanged, type Obj} from './three-way-merge.js'
import {applyOnServer, serverSideFlags, validateServerSide} from './apply-server-side.js'
import {recordFlag, withChangeCause} from '../record.js'

export const applyFlags = {
  'dry-run': dryRunFlag,
  filename: filenameFlag,
  ...printFlags,
  selector: selectorFlag,
  recursive: recursiveFlag,
  validate: validateFlag,
  ...serverSideFlags,
  record: recordFlag,
}

type ServerSideFlagNames = keyof typeof serverSideFlags
/** The parsed flags; the server-side ones may be left out (client-side apply). */
export type ApplyFlags = WithPrintFlags<Omit<Interfaces.InferredFlags<typeof applyFlags>, ServerSideFlagNames | 'selector' | 'record'>> & {selector?: string; record?: boolean} & Partial<Pick<Interfaces.InferredFlags<typeof applyFlags>, ServerSideFlagNames>>

/** kubectl's Validate: -f is required. */
export function validateApply(flags: ApplyFlags): void {
  if (!flags.filename || flags.filename.length === 0) throw new CliError('must specify -f')
  validateServerSide(flags)
}

/** What applying one object uses. */
interface Applying {
  api: Api
  flags: ApplyFlags
  sinks: Sinks
}

/** Applies every manifest; returns the errors, as kubectl prints them after the successes. */
export function runApply(api: Api, target: Target, flags: ApplyFlags, sinks: Sinks, stdin: () => string = readStdin, cause?: string): string[] {
  const printer = printerFor(flags.output, {dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const items = manifestObjects(api, target, flags, stdin)
  const failure = (error: unknown) => (error instanceof PatchFailure ? error.status : undefined)
  return eachDocument(items, {verb: 'apply', doing: 'applying', output: flags.output, printer, failure}, sinks, (info) => {
    const {rt} = info
    // --record: the change cause goes on before the last-applied annotation is made, so both carry it
    const placed = placeInNamespace(info.object!, rt, target)
    const obj = cause === undefined ? placed : withChangeCause(placed, cause)
    if (!obj.metadata.name) throw new Error(`error when retrieving current configuration of:\nResource: "${rt.group}/${rt.version}, Resource=${rt.plural}", GroupVersionKind: "${rt.group}/${rt.version}, Kind=${rt.kind}"\nName: "", Namespace: "${obj.metadata.namespace ?? ''}"\nfrom server for: "${info.source}": resource name may not be empty`)
    if (flags['server-side']) return {result: applyOnServer(api, rt, obj, flags), operation: 'serverside-applied'}
    const modified = withLastApplied(obj)
    // kubectl sends a patch without a resourceVersion, which the API server applies to the latest
    // object: reading, merging and writing in one transaction keeps the merge from going stale
    const {result, op} = api.transaction(() => applyOne({api, flags, sinks}, rt, modified, info.source!))
    return {result, operation: op}
  })
}

/** A failed patch, already worded as kubectl's apply words it (the patch, the object, the source). */
class PatchFailure extends Error {
  constructor(readonly status: StatusError) {
    super(status.message)
  }
}

/**
 * kubectl's text for a patch the server refused (AddSourceToErr twice, around the patch bytes and the
 * resource.Info); an Invalid error keeps its own text, as kubectl prints those from their causes.
 */
function patchFailure(error: unknown, rt: ResourceType, patch: string, obj: KObject, source: string | undefined): unknown {
  if (!source || !isStatusError(error) || error.reason === 'Invalid') return error
  const info = `Resource: "${rt.group}/${rt.version}, Resource=${rt.plural}", GroupVersionKind: "${rt.group}/${rt.version}, Kind=${rt.kind}"\nName: "${obj.metadata.name}", Namespace: "${obj.metadata.namespace ?? ''}"`
  const message = `error when applying patch:\n${patch}\nto:\n${info}\nfor: "${source}": error when patching "${source}": ${error.message}`
  return new PatchFailure(new StatusError(error.code, error.reason, message, error.details))
}

// one object: created when absent, else merged three ways with its live state and written if that changes it

// one object: created when absent, else merged three ways with its live state and written if that changes it
function applyOne(run: Applying, rt: ResourceType, modified: KObject, source?: string): {result: KObject; op: string} {
  const live = run.api.peek(rt.kind, rt.namespaced ? modified.metadata.namespace! : '', modified.metadata.name!)
  let result: KObject
  let op: string
  if (!live) {
    result = run.flags['dry-run'] === 'client' ? modified : (() => {
      const r = run.api.create(modified, {dryRun: run.flags['dry-run'] === 'server', fieldValidation: fieldValidationOf(run.flags.validate)})
      for (const w of r.warnings) run.sinks.err(`Warning: ${w}`)
      return r.object
    })()
    op = 'created'
  } else {
    const prev = live.metadata.annotations?.[LAST_APPLIED]
    if (prev === undefined) {
      run.sinks.err(
        `Warning: resource ${qualifiedPlural(rt)}/${modified.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
      )
    }
    let original: Obj | undefined
    try {
      original = prev ? (JSON.parse(prev) as Obj) : undefined
    } catch {
      original = undefined
    }
    const [mod, cur] = [jsonOf(modified), jsonOf(live)]
    const merged = objectOf(threeWayMerge(original, mod, cur))
    // the patch is applied to the latest object, unless the file names a resourceVersion: then the
    // server's optimistic-lock check (before any validation) holds the write to that version
    merged.metadata = {...merged.metadata, resourceVersion: modified.metadata.resourceVersion || live.metadata.resourceVersion}
    if (unchanged(jsonOf(merged), cur)) {
      result = live
      op = 'unchanged'
    } else if (run.flags['dry-run'] === 'client') {
      result = merged
      op = 'configured'
    } else {
      try {
        result = run.api.update(merged, {dryRun: run.flags['dry-run'] === 'server'})
      } catch (error) {
        const patch = goJson(threeWayPatch(original, mod, cur))
        throw patchFailure(error, rt, patch, modified, source)
      }
      op = 'configured'
    }
  }
  return {result, op}
}
