// `patch`: kubectl's checks in kubectl's order, the patch text read (-p or --patch-file) and turned from
// YAML into JSON as kubectl does (text starting with `{` or `[` is sent as it is), the objects found
// (TYPE NAME..., TYPE/NAME..., -f), and each one patched by the API server, or here with --local and
// --dry-run=client, printing `<kind>/<name> patched` or `patched (no change)`.
import {Args, Flags, type Interfaces} from '@oclif/core'
import fs from 'node:fs'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import {objectOf} from './three-way-merge.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {applyPatch, sameJson, type PatchType} from '../../api/patch/apply-patch.js'
import {GoJsonError, parseGoJson} from '../../api/patch/go-json.js'
import {JsonPatchError} from '../../api/patch/json-patch.js'
import {StrategicPatchError} from '../../api/patch/strategic.js'
import {checkSubresource, scaleOf, type Subresource} from '../../api/patch/subresources.js'
import {nameKind} from '../../printers/name.js'
import {CliError, aggregateErrorText} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import {findTargets, LookupErrors, type SetTarget} from './set-targets.js'
import {decodeOne} from '../resource/yaml-docs.js'
import type {Sinks} from './sinks.js'

export const patchArgs = {
  resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
}

export const patchFlags = {
  'dry-run': dryRunFlag,
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to update', multiple: true, multipleNonGreedy: true}),
  local: Flags.boolean({description: 'If true, patch will operate on the content of the file, not the server-side resource.', default: false}),
  ...printFlags,
  patch: Flags.string({char: 'p', description: 'The patch to be applied to the resource JSON file.'}),
  'patch-file': Flags.string({description: 'A file containing a patch to be applied to the resource.'}),
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  subresource: Flags.string({description: 'If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.'}),
  type: Flags.string({description: 'The type of patch being provided; one of [json merge strategic]', default: 'strategic'}),
}

export type PatchFlags = Interfaces.InferredFlags<typeof patchFlags>

const TYPES: PatchType[] = ['json', 'merge', 'strategic']
const SUBRESOURCES: Subresource[] = ['status', 'scale']

/** PatchOptions.Validate: the refusals before anything is read (or a cluster opened). */
export function validatePatch(args: string[], flags: PatchFlags): PatchType {
  if (flags.patch && flags['patch-file']) throw new CliError('cannot specify --patch and --patch-file together')
  if (!flags.patch && !flags['patch-file']) throw new CliError('must specify --patch or --patch-file containing the contents of the patch')
  if (flags.local && args.length > 0) throw new CliError('cannot specify --local and server resources')
  if (flags.local && flags['dry-run'] === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  const type = flags.type.toLowerCase() as PatchType
  if (!TYPES.includes(type)) throw new CliError(`--type must be one of [${TYPES.join(' ')}], not ${JSON.stringify(flags.type)}`)
  if (flags.subresource && !SUBRESOURCES.includes(flags.subresource as Subresource)) {
    throw new CliError(`invalid subresource value: ${JSON.stringify(flags.subresource)}. Must be one of [${SUBRESOURCES.join(' ')}]`)
  }
  return type
}

/** yaml.ToJSON: JSON-looking text as it is, anything else decoded as YAML and encoded as JSON. */
export function patchBody(text: string, shown: string): string {
  if (/^\s*[{[]/.test(text)) return text
  const doc = decodeOne(text)
  if (doc.error) throw new CliError(`unable to parse ${JSON.stringify(shown)}: ${doc.error}`)
  return JSON.stringify(doc.value ?? null)
}

/** getPatchedJSON: the patch applied in kubectl itself, with the client libraries' error texts. */
function patchLocally(obj: KObject, type: PatchType, body: string): KObject {
  let patch
  try {
    patch = parseGoJson(body)
  } catch (error) {
    if (!(error instanceof GoJsonError)) throw error
    if (type === 'strategic') throw new CliError('invalid JSON document')
    if (type === 'merge') throw new CliError('Invalid JSON Patch')
    throw new CliError(error.message)
  }
  if (type === 'strategic' && (typeof patch !== 'object' || patch === null || Array.isArray(patch))) throw new CliError('invalid JSON document')
  let out
  try {
    out = applyPatch(obj, type, patch)
  } catch (error) {
    if (error instanceof JsonPatchError || error instanceof StrategicPatchError) throw new CliError(error.message)
    throw error
  }
  if (typeof out !== 'object' || out === null || Array.isArray(out)) {
    const kind = Array.isArray(out) ? 'array' : out === null ? 'null' : typeof out === 'boolean' ? 'bool' : typeof out
    throw new CliError(`json: cannot unmarshal ${kind} into Go value of type unstructured.detector`)
  }
  return objectOf(out)
}

/** Runs `patch`; false when anything failed (the errors have been printed). */
export function runPatch(api: Api | undefined, target: Target, args: string[], flags: PatchFlags, sinks: Sinks): string[] {
  const type = validatePatch(args, flags)
  let text = flags.patch ?? ''
  if (flags['patch-file']) {
    try {
      text = fs.readFileSync(flags['patch-file'], 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (error as Error).message
      throw new CliError(`unable to read patch file: ${code === 'EISDIR' ? 'read' : 'open'} ${flags['patch-file']}: ${why}`)
    }
  }
  const body = patchBody(text, flags.patch ?? '')
  let targets: SetTarget[]
  const errors: unknown[] = []
  try {
    targets = findTargets(api, target, {resources: args, files: flags.filename ?? [], recursive: flags.recursive, all: false, local: flags.local})
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    // an object the server does not have fails alone, as kubectl's visitor goes on to the next one;
    // a file that does not decode stops everything before any patch
    if (!error.errors.every((e) => isStatusError(e))) {
      return [`${aggregateErrorText(error.errors, 'patch')}\n`]
    }
    errors.push(...error.errors)
    targets = error.found
  }
  if (targets.length === 0 && errors.length === 0) throw new CliError('no objects passed to patch')
  const subresource = flags.local ? undefined : (flags.subresource as Subresource | undefined)
  for (const t of targets) {
    try {
      // the object as GET of the subresource returns it (a Scale for `scale`)
      checkSubresource(t.rt, subresource)
      const before = subresource === 'scale' ? scaleOf(t.object) : t.object
      const after =
        flags.local || flags['dry-run'] === 'client'
          ? patchLocally(before, type, body)
          : api!.patch(t.rt, t.namespace, t.name, type, body, {dryRun: flags['dry-run'] === 'server', fieldValidation: 'Strict', subresource})
      print(flags, sinks, subresource === 'scale' ? 'scale.autoscaling' : nameKind(t.rt), after, !sameJson(after, before))
    } catch (error) {
      if (!isStatusError(error) && !(error instanceof CliError)) throw error
      errors.push(error)
    }
  }
  return errors.length > 0 ? [`${aggregateErrorText(errors, 'patch')}\n`] : []
}

/** One printer per object, as kubectl's ToPrinter: no `---` between YAML documents, no dry-run suffix. */
function print(flags: PatchFlags, sinks: Sinks, kind: string, obj: KObject, changed: boolean): void {
  sinks.out(printerFor(flags.output, {operation: changed ? 'patched' : 'patched (no change)', ...printOptionsOf(flags)}).print(obj, {kind}))
}
