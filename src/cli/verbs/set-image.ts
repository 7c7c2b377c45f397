// `set image`: parse `CONTAINER=IMAGE` pairs after the resources, find the objects (set-targets.ts), set
// the images of the containers and init containers so named (`*` = all) in each pod spec or pod
// template, and write each changed object back through the API, printing kubectl's lines and, last,
// kubectl's aggregate of everything that went wrong.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {CliError, errorText} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import {splitResourcesAndPairs} from './label.js'
import {findTargets, LookupErrors, type SetTarget} from './set-targets.js'
import type {Sinks} from './sinks.js'

export const setImageArgs = {
  resources: Args.string({description: 'TYPE NAME CONTAINER_NAME=IMAGE ... or TYPE/NAME CONTAINER_NAME=IMAGE ...'}),
}

export const setImageFlags = {
  all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types', default: false}),
  'dry-run': dryRunFlag,
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to get from a server.', multiple: true, multipleNonGreedy: true}),
  local: Flags.boolean({description: 'If true, set image will NOT contact api-server but run locally.', default: false}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."}),
}

export type SetImageFlags = Interfaces.InferredFlags<typeof setImageFlags>

interface Container {
  name?: string
  image?: string
}

interface PodSpec {
  containers?: Container[]
  initContainers?: Container[]
}

/** cmdutil.GetResourcesAndPairs + ParsePairs for `image`: resources, then `name=image` pairs (last wins). */
export function splitImageArgs(args: string[]): {resources: string[]; images: Map<string, string>} {
  const {resources, pairs} = splitResourcesAndPairs(args, 'image')
  const invalid = pairs.filter((p) => !p.includes('='))
  if (invalid.length > 0) throw new CliError(`invalid image format: ${invalid.join(', ')}`)
  const images = new Map<string, string>()
  for (const p of pairs) images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1))
  return {resources, images}
}

/** The pod spec an object carries (pods) or stamps out (deployments, replica sets, stateful and daemon sets, replication controllers, cron jobs); undefined for others. */
function podSpecOf(obj: KObject): PodSpec | undefined {
  const spec = (obj.spec ??= {}) as {template?: {spec?: PodSpec}}
  if (obj.kind === 'Pod') return spec as PodSpec
  if (obj.kind === 'CronJob') {
    const jobSpec = (((spec as {jobTemplate?: {spec?: {template?: {spec?: PodSpec}}}}).jobTemplate ??= {}).spec ??= {})
    return ((jobSpec.template ??= {}).spec ??= {} as PodSpec)
  }
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'].includes(obj.kind)) return undefined
  spec.template ??= {}
  return (spec.template.spec ??= {})
}

/** Sets the images in place; returns the container names that matched nothing. */
function setImages(spec: PodSpec, images: Map<string, string>): string[] {
  const missing: string[] = []
  for (const [name, image] of images) {
    let found = false
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (name === '*' || c.name === name) {
        c.image = image
        found = true
      }
    }
    if (!found) missing.push(name)
  }
  return missing
}

/** kubectl's aggregate error text: one error as CheckErr prints it, several one per line, unprefixed. */
export function aggregateText(errors: unknown[]): string {
  if (errors.length === 1) {
    const text = errorText(errors[0])
    return text.endsWith('\n') ? text : `${text}\n`
  }
  return errors.map((e) => `${isStatusError(e) ? errorText(e) : (e as Error).message}\n`).join('')
}

/** Runs `set image`; returns kubectl's aggregate of what failed, if anything did. */
export function runSetImage(api: Api | undefined, target: Target, args: string[], flags: SetImageFlags, sinks: Sinks): string[] {
  const {resources, images} = splitImageArgs(args)
  let targets: SetTarget[]
  try {
    targets = findTargets(api, target, {resources, files: flags.filename ?? [], recursive: flags.recursive, all: flags.all, selector: flags.selector, local: flags.local})
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    return [aggregateText(error.errors)]
  }
  const invalid: CliError[] = []
  if (flags.all && flags.selector) invalid.push(new CliError('cannot set --all and --selector at the same time'))
  if (images.size === 0) invalid.push(new CliError('at least one image update is required'))
  else if (images.size > 1 && images.has('*')) invalid.push(new CliError('all containers are already specified by *, but saw more than one container_name=container_image pairs'))
  if (flags.local && flags['dry-run'] === 'server') invalid.push(new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'))
  if (invalid.length > 0) {
    return [aggregateText(invalid)]
  }
  const errors: CliError[] = []
  // every object is changed in memory first (kubectl's CalculatePatches), then each change is written
  const changes = targets.map((t) => {
    const after = structuredClone(t.object)
    const spec = podSpecOf(after)
    if (!spec) return {t, after, unsupported: true, changed: false}
    for (const name of setImages(spec, images)) errors.push(new CliError(`error: unable to find container named ${JSON.stringify(name)}`))
    return {t, after, unsupported: false, changed: JSON.stringify(after) !== JSON.stringify(t.object)}
  })
  const printer = printerFor(flags.output, {operation: 'image updated', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const print = (obj: KObject, rt: SetTarget['rt']) => sinks.out(printer.print(obj, {kind: nameKind(rt)}))
  for (const {t, after, unsupported, changed} of changes) {
    if (unsupported) {
      errors.push(new CliError(`error: ${objectName(t, flags.local)} the object is not a pod or does not have a pod template: *${t.rt.version}.${t.rt.kind}\n`))
      continue
    }
    if (!changed) continue
    if (flags.local || flags['dry-run'] === 'client') {
      print(after, t.rt)
      continue
    }
    try {
      const actual = api!.modify(t.rt, t.namespace, t.name, (o) => {
        const before = JSON.stringify(o)
        setImages(podSpecOf(o)!, images)
        return JSON.stringify(o) !== before
      }, {dryRun: flags['dry-run'] === 'server'})
      print(actual, t.rt)
    } catch (error) {
      if (!isStatusError(error)) throw error
      errors.push(new CliError(`failed to patch image update to pod template: ${error.message}`))
    }
  }
  return errors.length > 0 ? [aggregateText(errors)] : []
}

/** resource.Info.ObjectName: `services/x` for an object from the server, `service/x` for a local one. */
function objectName(t: SetTarget, local: boolean): string {
  if (!local) return `${t.rt.plural}/${t.name}`
  return t.rt.group ? `${t.rt.kind.toLowerCase()}.${t.rt.group}/${t.name}\n` : `${t.rt.kind.toLowerCase()}/${t.name}`
}
