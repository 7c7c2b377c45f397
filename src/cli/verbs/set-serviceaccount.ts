// `set serviceaccount` (`set sa`): the last argument names the service account; it becomes
// spec.serviceAccountName of each object's pod spec. As in kubectl, every object found is patched and
// reported, changed or not, and a kind without a pod template is an error for that object alone.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import {aggregateText} from './set-image.js'
import {noPodTemplate, objectName, patchBetween, podSpecOf, sendPatch} from './set-pod-template.js'
import {findTargets, LookupErrors, type SetTarget} from './set-targets.js'
import type {Sinks} from './sinks.js'

export const setServiceAccountArgs = {
  resources: Args.string({description: 'TYPE NAME SERVICE_ACCOUNT or -f FILENAME SERVICE_ACCOUNT'}),
}

export const setServiceAccountFlags = {
  all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types', default: false}),
  'dry-run': dryRunFlag,
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-set'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to get from a server.', multiple: true, multipleNonGreedy: true}),
  local: Flags.boolean({description: 'If true, set serviceaccount will NOT contact api-server but run locally.', default: false}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
}

export type SetServiceAccountFlags = Interfaces.InferredFlags<typeof setServiceAccountFlags>

/** Runs `set serviceaccount`; returns kubectl's aggregate of what failed, if anything did. */
export function runSetServiceAccount(api: Api | undefined, target: Target, args: string[], flags: SetServiceAccountFlags, sinks: Sinks): string[] {
  if (flags.local && flags['dry-run'] === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  if (args.length === 0) throw new CliError('serviceaccount is required')
  const name = args[args.length - 1]
  let targets: SetTarget[]
  try {
    // with --local kubectl's builder is given only the files
    targets = findTargets(api, target, {resources: flags.local ? [] : args.slice(0, -1), files: flags.filename ?? [], recursive: flags.recursive, all: flags.all, local: flags.local})
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    return [aggregateText(error.errors)]
  }
  const errors: CliError[] = []
  const printer = printerFor(flags.output, {operation: 'serviceaccount updated', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const print = (obj: KObject, rt: SetTarget['rt']) => sinks.out(printer.print(obj, {kind: nameKind(rt)}))
  for (const t of targets) {
    const after = structuredClone(t.object)
    const spec = podSpecOf(after) as {serviceAccountName?: string} | undefined
    if (!spec) {
      errors.push(new CliError(`error: ${objectName(t, flags.local)} ${noPodTemplate(t)}\n`))
      continue
    }
    spec.serviceAccountName = name
    if (flags.local || flags['dry-run'] === 'client') {
      print(after, t.rt)
      continue
    }
    try {
      print(sendPatch(api!, t, patchBetween(t.object, after) ?? '{}', flags['dry-run'] === 'server'), t.rt)
    } catch (error) {
      if (!isStatusError(error)) throw error
      errors.push(new CliError(`failed to patch ServiceAccountName ${error.message}`))
    }
  }
  return errors.length > 0 ? [aggregateText(errors)] : []
}
