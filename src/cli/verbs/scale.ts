// `scale`: resolve the objects (names, -f files, --all, -l), check --current-replicas and
// --resource-version, set spec.replicas and print kubectl's `deployment.apps/web scaled` line per object.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {StatusError} from '../../api/errors.js'
import {CliError, errorText} from '../errors.js'
import {loadResources, MISSING_RESOURCE, selectionOfFlags, type BuilderResult} from '../resource/builder.js'
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
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to set a new size', multiple: true, multipleNonGreedy: true}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  replicas: Flags.integer({description: 'The new desired number of replicas. Required.'}),
  'resource-version': Flags.string({description: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.'}),
  selector: selectorFlag,
}

export type ScaleFlags = Interfaces.InferredFlags<typeof scaleFlags>

/** kubectl's Validate: --replicas is required, and not negative; returns it. */
export function validateScale(flags: ScaleFlags): number {
  if (flags.replicas === undefined) throw new CliError('required flag(s) "replicas" not set')
  if (flags.replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  return flags.replicas
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'])

async function targets(api: Api, target: Target, args: string[], flags: ScaleFlags): Promise<BuilderResult> {
  return loadResources(api, {
    ...selectionOfFlags(target.namespace, args, flags),
    requireNames: true,
    namesWithSelector: 'ignore',
    missing: new CliError(MISSING_RESOURCE, true),
  })
}

/** Scales every object named; returns the errors of those that failed. */
export async function runScale(api: Api, target: Target, args: string[], flags: ScaleFlags & {replicas: number}, sinks: Sinks): Promise<string[]> {
  const {infos: list, errors: visitErrors} = await targets(api, target, args, flags)
  const errors: string[] = []
  if (flags['resource-version'] && list.length > 1) throw new CliError('cannot use --resource-version with multiple resources')
  if (list.length === 0) {
    if (visitErrors.length > 0) return visitErrors.map((e) => errorText(e))
    throw new CliError('no objects passed to scale')
  }
  for (const {rt, name, namespace} of list) {
    try {
      if (!SCALABLE.has(rt.kind)) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource')
      const current = api.get(rt, namespace, name)
      const spec = (current.spec ?? {}) as {replicas?: number}
      if (flags['current-replicas'] >= 0 && (spec.replicas ?? 1) !== flags['current-replicas']) {
        throw new CliError(`Expected replicas to be ${flags['current-replicas']}, was ${spec.replicas ?? 1}`)
      }
      const rv = current.metadata.resourceVersion ?? ''
      if (flags['resource-version'] && rv !== flags['resource-version']) throw new CliError(`Expected resource version to be ${flags['resource-version']}, was ${rv}`)
      let result: KObject = {...current, spec: {...spec, replicas: flags.replicas}}
      if (flags['dry-run'] !== 'client') {
        result = api.modify(rt, namespace, name, (o) => {
          ;(o.spec as {replicas?: number}).replicas = flags.replicas
        }, {dryRun: flags['dry-run'] === 'server', subresource: 'scale'})
      }
      // one printer per object: scale prints no `---` between YAML documents
      sinks.out(printerFor(flags.output, {operation: 'scaled', dryRun: flags['dry-run'], ...printOptionsOf(flags)}).print(result))
    } catch (error) {
      errors.push(errorText(error))
    }
  }
  return [...errors, ...visitErrors.map((e) => errorText(e))]
}
