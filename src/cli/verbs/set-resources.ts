// `set resources`: kubectl's SetResourcesOptions Complete (find the objects), Validate (then parse
// --limits and --requests as `name=quantity` lists) and Run: each quantity set on every container -c
// selects (init containers too), a container name that matches nothing reported per object; each
// changed object goes to the server as a strategic merge patch, printing `... resource requirements updated`.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {parseQuantity, quantityError} from '../../machinery/quantity.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags} from '../print/print-flags.js'
import {aggregateText} from './set-image.js'
import {noPodTemplate, podSpecOf, selectContainers} from './set-pod-template.js'
import {findTargets, LookupErrors, type SetTarget} from './set-targets.js'
import type {Sinks} from './sinks.js'
import {writeTemplateChanges} from './set-write.js'

export const setResourcesArgs = {
  resources: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
}

export const setResourcesFlags = {
  all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types', default: false}),
  containers: Flags.string({char: 'c', description: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards', default: '*'}),
  'dry-run': dryRunFlag,
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-set'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to get from a server.', multiple: true, multipleNonGreedy: true}),
  limits: Flags.string({description: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."}),
  local: Flags.boolean({description: 'If true, set resources will NOT contact api-server but run locally.', default: false}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  requests: Flags.string({description: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges."}),
  selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."}),
}

export type SetResourcesFlags = Interfaces.InferredFlags<typeof setResourcesFlags>

type ResourceList = Record<string, string>

/** populateResourceListV1: `name=quantity,...`, each quantity in its canonical form. */
export function parseResourceList(spec: string): ResourceList {
  const out: ResourceList = {}
  for (const statement of spec.split(',')) {
    const parts = statement.split('=')
    if (parts.length !== 2) throw new CliError(`Invalid argument syntax ${statement}, expected <resource>=<value>`)
    const bad = quantityError(parts[1])
    if (bad || parts[1].trim() !== parts[1]) throw new CliError(bad ?? quantityError('')!)
    out[parts[0]] = parseQuantity(parts[1])!.toString()
  }
  return out
}

/** Validate, in kubectl's order: the parsed limits and requests. */
function validate(flags: SetResourcesFlags): {limits?: ResourceList; requests?: ResourceList} {
  if (flags.local && flags['dry-run'] === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  if (flags.all && flags.selector) throw new CliError('cannot set --all and --selector at the same time')
  if (!flags.limits && !flags.requests) throw new CliError('you must specify an update to requests or limits (in the form of --requests/--limits)')
  return {limits: flags.limits ? parseResourceList(flags.limits) : undefined, requests: flags.requests ? parseResourceList(flags.requests) : undefined}
}

/** Runs `set resources`; returns kubectl's aggregate of what failed, if anything did. */
export function runSetResources(api: Api | undefined, target: Target, args: string[], flags: SetResourcesFlags, sinks: Sinks): string[] {
  let targets: SetTarget[]
  try {
    targets = findTargets(api, target, {resources: args, files: flags.filename ?? [], recursive: flags.recursive, all: flags.all, selector: flags.selector, local: flags.local})
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    return [aggregateText(error.errors)]
  }
  const {limits, requests} = validate(flags)
  const errors: CliError[] = []
  const changes: {t: SetTarget; after: KObject; error?: string}[] = []
  for (const t of targets) {
    const after = structuredClone(t.object)
    const spec = podSpecOf(after)
    if (!spec) {
      changes.push({t, after, error: noPodTemplate(t)})
      continue
    }
    const containers = selectContainers(spec, flags.containers)
    if (containers.length === 0) errors.push(new CliError(`error: unable to find container named ${flags.containers}`))
    for (const c of containers) {
      const res = (c.resources ??= {})
      if (limits) res.limits = {...res.limits, ...limits}
      if (requests) res.requests = {...res.requests, ...requests}
    }
    if (containers.length > 0) changes.push({t, after})
  }
  return writeTemplateChanges(api, changes, flags, errors, sinks, {
    operation: 'resource requirements updated',
    // kubectl's text has no colon here
    failed: (message) => `failed to patch resources update to pod template ${message}`,
  })
}

