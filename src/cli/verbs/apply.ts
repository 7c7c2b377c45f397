// `apply -f`: kubectl's client-side apply. Absent objects are created with the last-applied annotation;
// present ones get a three-way merge of last-applied, file and live object, written back if it changes
// anything ("configured") and left alone otherwise ("unchanged").
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError, StatusError} from '../../api/errors.js'
import {qualifiedPlural, type ResourceType} from '../../api/registry.js'
import {printJson} from '../../printers/json.js'
import {goJson} from '../../machinery/go-format.js'
import {threeWayPatch} from './apply-patch-text.js'
import {LAST_APPLIED, manifestObjects} from './create.js'
import {errorText, withSource} from '../errors.js'
import {fieldValidationOf} from '../flags.js'
import {printerFor} from '../print/print-flags.js'
import {placeInNamespace} from '../resource/namespace.js'
import {threeWayMerge, unchanged, type Obj} from './three-way-merge.js'

export interface ApplyRun {
  args: string[]
  recursive: boolean
  validate: string
  dryRun: 'none' | 'client' | 'server'
  output?: 'name' | 'yaml' | 'json'
  target: Target
  api: Api
  stdin: () => string
  out(text: string): void
  err(line: string): void
}

/** The annotation value: the applied object (without the annotation) as compact, key-sorted JSON. */
function lastApplied(obj: KObject): string {
  const copy = structuredClone(obj)
  const ann = {...copy.metadata.annotations}
  delete ann[LAST_APPLIED]
  copy.metadata = {...copy.metadata, annotations: Object.keys(ann).length > 0 ? ann : undefined}
  return JSON.stringify(JSON.parse(printJson(copy))) + '\n'
}

function withAnnotation(obj: KObject): KObject {
  return {...obj, metadata: {...obj.metadata, annotations: {...obj.metadata.annotations, [LAST_APPLIED]: lastApplied(obj)}}}
}

/** Applies every manifest; returns the errors, as kubectl prints them after the successes. */
export function runApply(run: ApplyRun): string[] {
  const errors: string[] = []
  const printed: KObject[] = []
  const printer = printerFor(run.output, {dryRun: run.dryRun})
  const items = manifestObjects(run)
  for (const {info, error} of items) {
    if (!info) {
      errors.push(errorText(error))
      continue
    }
    const raw = info.object!
    const rt = info.rt
    try {
      const obj = placeInNamespace(raw, rt, run.target)
      if (!obj.metadata.name) throw new Error(`error when retrieving current configuration of:\nResource: "${rt.group}/${rt.version}, Resource=${rt.plural}", GroupVersionKind: "${rt.group}/${rt.version}, Kind=${rt.kind}"\nName: "", Namespace: "${obj.metadata.namespace ?? ''}"\nfrom server for: "${info.source}": resource name may not be empty`)
      const modified = withAnnotation(obj)
      // kubectl sends a patch without a resourceVersion, which the API server applies to the latest
      // object: reading, merging and writing in one transaction keeps the merge from going stale
      const {result, op} = run.api.transaction(() => applyOne(run, rt, modified, info.source!))
      if (run.output === 'yaml' || run.output === 'json') printed.push(result)
      else run.out(printer.print(result, {operation: op}))
    } catch (error) {
      errors.push(errorText(error instanceof PatchFailure ? error.status : withSource(error, 'applying', info.source)))
    }
  }
  for (const obj of printed) run.out(printer.print(obj))
  if (items.length === 0 && errors.length === 0) errors.push('error: no objects passed to apply')
  return errors
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
function applyOne(run: ApplyRun, rt: ResourceType, modified: KObject, source?: string): {result: KObject; op: string} {
  const live = run.api.peek(rt.kind, rt.namespaced ? modified.metadata.namespace! : '', modified.metadata.name!)
  let result: KObject
  let op: string
  if (!live) {
    result = run.dryRun === 'client' ? modified : (() => {
      const r = run.api.create(modified, {dryRun: run.dryRun === 'server', fieldValidation: fieldValidationOf(run.validate)})
      for (const w of r.warnings) run.err(`Warning: ${w}`)
      return r.object
    })()
    op = 'created'
  } else {
    const prev = live.metadata.annotations?.[LAST_APPLIED]
    if (prev === undefined) {
      run.err(
        `Warning: resource ${qualifiedPlural(rt)}/${modified.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
      )
    }
    let original: Obj | undefined
    try {
      original = prev ? (JSON.parse(prev) as Obj) : undefined
    } catch {
      original = undefined
    }
    const merged = threeWayMerge(original, modified as unknown as Obj, live as unknown as Obj) as unknown as KObject
    // the patch is applied to the latest object, unless the file names a resourceVersion: then the
    // server's optimistic-lock check (before any validation) holds the write to that version
    merged.metadata = {...merged.metadata, resourceVersion: modified.metadata.resourceVersion || live.metadata.resourceVersion}
    if (unchanged(merged as unknown as Obj, live as unknown as Obj)) {
      result = live
      op = 'unchanged'
    } else if (run.dryRun === 'client') {
      result = merged
      op = 'configured'
    } else {
      try {
        result = run.api.update(merged, {dryRun: run.dryRun === 'server'})
      } catch (error) {
        const patch = goJson(threeWayPatch(original, modified as unknown as Obj, live as unknown as Obj))
        throw patchFailure(error, rt, patch, modified, source)
      }
      op = 'configured'
    }
  }
  return {result, op}
}
