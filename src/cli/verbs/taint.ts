// `taint`: checks the arguments in kubectl's order (taint/taint.go Complete then Validate), picks the
// nodes (names, -l or --all), rewrites each node's taints in one read-modify-write through the API and
// prints kubectl's line or the object. A node that fails does not stop the others; the failures are
// printed together at the end, as kubectl's ContinueOnError visitor reports them.
import type {Taint} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {lookupResource} from '../../api/registry.js'
import {nodeType} from '../../api/kinds/node.js'
import {aggregateErrorText, CliError} from '../errors.js'
import {printerFor} from '../print/print-flags.js'
import type {Sinks} from './sinks.js'
import type {TaintFlags} from './taint-flags.js'
import {conflictingTaints, existingKeys, parseTaints, reorganizeTaints, splitTaintArgs} from './taint-spec.js'

/** The formats taint's PrintFlags offer (no table printer). */
const TAINT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml']

/** Several removals that matched nothing on one node: kubectl's aggregate, one line each when alone. */
class NotFoundErrors extends CliError {
  constructor(readonly lines: string[]) {
    super(lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`)
  }
}


/** Runs taint; returns its errors as kubectl prints them, and whether it wrote. */
export function runTaint(api: Api, args: string[], flags: TaintFlags, sinks: Sinks): {errors: string[]; wrote: boolean} {
  const {resources, specs} = splitTaintArgs(args)
  if (resources.length === 0) throw new CliError('one or more resources must be specified as <resource> <name>')
  if (specs.length === 0) throw new CliError('at least one taint update is required')
  const {add, remove} = parseTaints(specs)
  // Validate: the type (kubectl reads it as an explain path: `deployments.apps` is `deployments`)
  const typeArg = resources[0].toLowerCase()
  const rt = lookupResource(typeArg.split('.')[0])
  if (!rt) {
    // checkErr prints a NoResourceMatchError without `error: `
    return {errors: [`the server doesn't have a resource type ${JSON.stringify(typeArg.split('.')[0])}`], wrote: false}
  }
  if (rt !== nodeType) throw new CliError(`invalid resource type ${typeArg}, only node types are supported`)
  const conflicts = conflictingTaints(add, remove)
  if (conflicts.length > 0) throw new CliError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`)
  if (flags.all && flags.selector) throw new CliError("setting 'all' parameter with a non empty selector is prohibited")
  if (!flags.all && !flags.selector && resources.length < 2) throw new CliError("at least one resource name must be specified since 'all' parameter is not set")
  const printer = printerFor(flags.output, {allowed: TAINT_FORMATS})

  // --all and -l ignore any names given
  const names = flags.all || flags.selector ? api.list(nodeType, undefined, {labelSelector: flags.all ? undefined : flags.selector}).items.map((n) => n.metadata.name!) : resources.slice(1)
  const errors: unknown[] = []
  let wrote = false
  for (const name of names) {
    try {
      let operation = ''
      const change = (node: KObject): void => {
        const spec = (node.spec ?? {}) as {taints?: Taint[]}
        const old = spec.taints ?? []
        if (!flags.overwrite) {
          const keys = existingKeys(old, add)
          if (keys.length > 0) throw new CliError(`node ${name} already has ${keys.join(',')} taint(s) with same effect(s) and --overwrite is false`)
        }
        const next = reorganizeTaints(old, flags.overwrite, add, remove)
        if (next.notFound.length > 0) throw new NotFoundErrors(next.notFound)
        operation = next.operation
        const {taints: _old, ...rest} = spec
        node.spec = next.taints.length > 0 ? {...rest, taints: next.taints} : rest
      }
      let result: KObject
      if (flags['dry-run'] === 'client') {
        result = structuredClone(api.get(nodeType, '', name))
        change(result)
      } else {
        result = api.modify(nodeType, '', name, change, {dryRun: flags['dry-run'] === 'server'})
        wrote ||= flags['dry-run'] === 'none'
      }
      // kubectl sets the printer's operation after the dry-run suffix: no `(dry run)` here
      sinks.out(printer.print(result, {operation}))
    } catch (error) {
      if (isStatusError(error) || error instanceof CliError) errors.push(error)
      else throw error
    }
  }
  if (errors.length === 0) return {errors: [], wrote}
  const only = errors.length === 1 ? errors[0] : undefined
  return {errors: [only instanceof NotFoundErrors && only.lines.length > 1 ? only.lines.join('\n') : aggregateErrorText(errors)], wrote}
}
