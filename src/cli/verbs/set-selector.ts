// `set selector`: the last argument is a label selector (metav1.ParseToLabelSelector); it replaces the
// selector of each Service found, visiting the objects one by one as kubectl does (the first error
// stops it). --resource-version makes the patch carry that resourceVersion, so a stale one is a
// Conflict. Only equality requirements fit a Service's map selector.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {SelectorError} from '../../machinery/label-selector.js'
import {nameKind} from '../../printers/name.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import {parseToLabelSelector} from './pdb-generator.js'
import {aggregateText} from './set-image.js'
import {patchBetween, sendPatch} from './set-pod-template.js'
import {findTargets, LookupErrors, type SetTarget} from './set-targets.js'
import type {Sinks} from './sinks.js'

export const setSelectorArgs = {
  resources: Args.string({description: 'TYPE NAME EXPRESSIONS or -f FILENAME EXPRESSIONS'}),
}

export const setSelectorFlags = {
  all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types', default: false}),
  'dry-run': dryRunFlag,
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-set'}),
  filename: Flags.string({char: 'f', description: 'identifying the resource.', multiple: true, multipleNonGreedy: true}),
  local: Flags.boolean({description: 'If true, annotation will NOT contact api-server but run locally.', default: false}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: true, allowNo: true}),
  'resource-version': Flags.string({description: 'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.'}),
}

export type SetSelectorFlags = Interfaces.InferredFlags<typeof setSelectorFlags>

/** getResourcesAndSelector and ParseToLabelSelector: the resources, and the selector as a Service's map. */
function parseArgs(args: string[]): {resources: string[]; selector?: Record<string, string>; expressions?: string} {
  if (args.length === 0) return {resources: []}
  const text = args[args.length - 1]
  let parsed
  try {
    parsed = parseToLabelSelector(text)
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error
    throw new CliError(`couldn't parse the selector string "${text}": ${error.message}`)
  }
  const expressions = parsed.matchExpressions?.map((e) => `{${e.key} ${e.operator} [${(e.values ?? []).join(' ')}]}`)
  return {resources: args.slice(0, -1), selector: {...parsed.matchLabels}, expressions: expressions ? `[${expressions.join(' ')}]` : undefined}
}

/** updateSelectorForObject's refusals: only a Service, and only equality requirements. */
function selectorError(obj: KObject, expressions: string | undefined): string | undefined {
  if (obj.kind !== 'Service') return 'setting a selector is only supported for Services'
  if (expressions) return `match expression ${expressions} not supported on this object`
  obj.spec ??= {}
  return undefined
}

/** Runs `set selector`; returns kubectl's aggregate of what failed, if anything did. */
export function runSetSelector(api: Api | undefined, target: Target, args: string[], flags: SetSelectorFlags, sinks: Sinks): string[] {
  const {resources, selector, expressions} = parseArgs(args)
  if (!selector) throw new CliError('one selector is required')
  let targets: SetTarget[]
  // kubectl's builder continues on errors: every object found is visited, the failures reported together
  const errors: unknown[] = []
  try {
    targets = findTargets(api, target, {resources, files: flags.filename ?? [], recursive: flags.recursive, all: flags.all, local: flags.local})
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    targets = error.found
    errors.push(...error.errors)
  }
  const toServer = !flags.local && flags['dry-run'] !== 'client'
  const printer = printerFor(flags.output, {operation: 'selector updated', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const print = (obj: KObject, rt: SetTarget['rt']) => sinks.out(printer.print(obj, {kind: nameKind(rt)}))
  const rv = flags['resource-version']
  for (const t of targets) {
    const before = structuredClone(t.object)
    // kubectl clears the starting resourceVersion so that the one asked for is always in the patch
    if (rv) delete before.metadata.resourceVersion
    const after = structuredClone(t.object)
    if (rv) after.metadata.resourceVersion = rv
    const refused = selectorError(after, expressions)
    if (refused) {
      errors.push(new CliError(refused))
      continue
    }
    // an empty selector is no selector: the typed Service kubectl encodes omits an empty map
    const spec = after.spec as {selector?: Record<string, string>}
    if (Object.keys(selector).length > 0) spec.selector = {...selector}
    else delete spec.selector
    if (!toServer) {
      print(after, t.rt)
      continue
    }
    try {
      print(sendPatch(api!, t, patchBetween(before, after) ?? '{}', flags['dry-run'] === 'server'), t.rt)
    } catch (error) {
      if (!isStatusError(error)) throw error
      errors.push(error)
    }
  }
  return errors.length > 0 ? [aggregateText(errors)] : []
}
