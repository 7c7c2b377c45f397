// `create -f`: each document in turn, printing kubectl's success line per object and its error text per
// failure; errors are printed after the successes, as kubectl aggregates them.
import {Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError} from '../errors.js'
import {dryRunFlag, fieldValidationOf, filenameFlag, recursiveFlag, selectorFlag, validateFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf, type WithPrintFlags} from '../print/print-flags.js'
import {placeInNamespace} from '../resource/namespace.js'
import {readStdin} from '../resource/stdin.js'
import {eachDocument, manifestObjects} from './manifest-documents.js'
import type {Sinks} from './sinks.js'

export const createFlags = {
  filename: filenameFlag,
  recursive: recursiveFlag,
  'dry-run': dryRunFlag,
  ...printFlags,
  selector: selectorFlag,
  validate: validateFlag,
  'save-config': Flags.boolean({description: 'If true, the configuration of current object will be saved in its annotation.', default: false}),
}

export type CreateFlags = WithPrintFlags<Omit<Interfaces.InferredFlags<typeof createFlags>, 'selector'>> & {selector?: string}

/** The last-applied annotation kubectl writes with --save-config (and apply). */
export {LAST_APPLIED} from './last-applied.js'
import {withLastApplied} from './last-applied.js'

/** kubectl's Validate: -f is required, and arguments are refused in kubectl's words (not oclif's). */
export function validateCreate(args: string[], flags: CreateFlags): void {
  if (!flags.filename || flags.filename.length === 0) {
    throw new CliError('must specify -f', true)
  }
  if (args.length > 0) throw new CliError(`Unexpected args: [${args.join(' ')}]`, true)
}

/** Runs create over every manifest (`api` undefined for --dry-run=client: nothing is sent); returns the errors. */
export function createFromItems(api: Api | undefined, target: Target, flags: CreateFlags, sinks: Sinks, stdin: () => string = readStdin): string[] {
  const printer = printerFor(flags.output, {operation: 'created', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const items = manifestObjects(api, target, flags, stdin)
  const batch = api ? <R>(fn: () => R): R => api.transaction(fn) : undefined
  return eachDocument(items, {verb: 'create', doing: 'creating', output: flags.output, printer, batch}, sinks, (info, warn) => {
    const raw = info.object!
    let obj = placeInNamespace(raw, info.rt, target)
    if (flags['save-config']) {
      obj = withLastApplied(obj)
    }
    if (!api) return {result: obj}
    const r = api.create(obj, {dryRun: flags['dry-run'] === 'server', fieldValidation: fieldValidationOf(flags.validate)})
    for (const w of r.warnings) warn(`Warning: ${w}`)
    return {result: r.object}
  })
}
