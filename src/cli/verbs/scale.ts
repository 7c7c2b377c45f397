// `scale`: resolve the objects (names, --all, -l), check --current-replicas, set spec.replicas and
// print kubectl's `deployment.apps/web scaled` line per object.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {StatusError} from '../../api/errors.js'
import {CliError, errorText} from '../errors.js'
import {MISSING_RESOURCE, resourcesFromArgs, type ResourceInfo} from '../resource/builder.js'
import {dryRunFlag, selectorFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import type {Sinks} from './sinks.js'

export const scaleArgs = {
  resource: Args.string({description: 'TYPE NAME, TYPE/NAME, or TYPE with -l/--all'}),
}

export const scaleFlags = {
  all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types', default: false}),
  'current-replicas': Flags.integer({description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.', default: -1}),
  'dry-run': dryRunFlag,
  ...printFlags,
  replicas: Flags.integer({description: 'The new desired number of replicas. Required.'}),
  selector: selectorFlag,
}

export type ScaleFlags = Interfaces.InferredFlags<typeof scaleFlags>

/** kubectl's Validate: --replicas is required, and not negative; returns it. */
export function validateScale(flags: ScaleFlags): number {
  if (flags.replicas === undefined) throw new CliError('required flag(s) "replicas" not set')
  if (flags.replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  return flags.replicas
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet'])

function targets(api: Api, target: Target, args: string[], flags: ScaleFlags): ResourceInfo[] {
  return resourcesFromArgs(api, {
    namespace: target.namespace,
    args,
    all: flags.all,
    selector: flags.selector,
    requireNames: true,
    namesWithSelector: 'ignore',
    missing: new CliError(MISSING_RESOURCE, true),
  }).infos
}

/** Scales every object named; returns the errors of those that failed. */
export function runScale(api: Api, target: Target, args: string[], flags: ScaleFlags & {replicas: number}, sinks: Sinks): string[] {
  const errors: string[] = []
  const list = targets(api, target, args, flags)
  if (list.length === 0) throw new CliError('no objects passed to scale')
  for (const {rt, name} of list) {
    try {
      if (!SCALABLE.has(rt.kind)) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource')
      const current = api.get(rt, target.namespace, name)
      const spec = (current.spec ?? {}) as {replicas?: number}
      if (flags['current-replicas'] >= 0 && (spec.replicas ?? 1) !== flags['current-replicas']) {
        throw new CliError(`Expected replicas to be ${flags['current-replicas']}, was ${spec.replicas ?? 1}`)
      }
      let result: KObject = {...current, spec: {...spec, replicas: flags.replicas}}
      if (flags['dry-run'] !== 'client') {
        result = api.modify(rt, target.namespace, name, (o) => {
          ;(o.spec as {replicas?: number}).replicas = flags.replicas
        }, {dryRun: flags['dry-run'] === 'server', subresource: 'scale'})
      }
      // one printer per object: scale prints no `---` between YAML documents
      sinks.out(printerFor(flags.output, {operation: 'scaled', dryRun: flags['dry-run'], ...printOptionsOf(flags)}).print(result))
    } catch (error) {
      errors.push(errorText(error))
    }
  }
  return errors
}
