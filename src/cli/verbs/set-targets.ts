// The objects a `set` subcommand works on, found as kubectl's resource builder finds them for `set image`:
// `TYPE NAME...`, `TYPE/NAME...`, `TYPE` with -l or --all, or -f files (fetched again from the server,
// or taken as they are with --local). Every lookup is tried; the errors come back together, as kubectl's
// ContinueOnError builder aggregates them, and then nothing is changed.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import type {ResourceType} from '../../api/registry.js'
import {selectorFilter} from '../../api/list-filter.js'
import {CliError} from '../errors.js'
import {parseResourceArgs} from '../resource/args.js'
import {MISSING_RESOURCE, type ResourceInfo} from '../resource/builder.js'
import {resolveResources} from '../resource/files.js'

/** One object to change: its type, where it lives, and (once found) the object itself. */
export interface SetTarget {
  rt: ResourceType
  namespace: string
  name: string
  object: KObject
}

/** How the objects were named on the command line. */
export interface TargetQuery {
  resources: string[]
  files: string[]
  recursive: boolean
  all: boolean
  selector?: string
  local: boolean
}

const LOCAL_RESOURCE = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`

/** Thrown with every error the lookups met; the caller prints them as kubectl's aggregate. */
export class LookupErrors extends Error {
  constructor(
    readonly errors: unknown[],
    /** the objects that were found (a command that visits objects one by one still changes these) */
    readonly found: SetTarget[] = [],
  ) {
    super('lookup failed')
  }
}

/** Finds the objects; throws a CliError for a malformed request, LookupErrors when lookups failed. */
export function findTargets(api: Api | undefined, target: Target, q: TargetQuery): SetTarget[] {
  if (q.local && q.resources.length > 0) throw new CliError(LOCAL_RESOURCE)
  if (q.files.length > 0) return fromFiles(api, target, q)
  if (q.local || q.resources.length === 0) throw new CliError(MISSING_RESOURCE)
  const {requests, slashForm} = parseResourceArgs(q.resources)
  const named = requests.some((r) => r.names.length > 0)
  // --all selects everything only for a lone TYPE argument; beside names it is ignored, as in kubectl
  const selector = q.selector || (q.all && q.resources.length === 1 && !slashForm ? '' : undefined)
  if (selector !== undefined) {
    if (slashForm) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments')
    if (named) throw new CliError('name cannot be provided when a selector is specified')
  } else if (!named) {
    throw new CliError('resource(s) were provided, but no name was specified')
  } else if (!slashForm && requests.length > 1) {
    throw new CliError('you must specify only one resource')
  }
  const found = resolveResources(api, {namespace: target.namespace, args: q.resources, selector: selector || undefined, all: selector !== undefined, latest: true})
  return targetsOf(found.infos, found.errors)
}

/** The found objects as targets, or LookupErrors (with them) when any lookup failed. */
function targetsOf(infos: ResourceInfo[], errors: unknown[]): SetTarget[] {
  const out = infos.map((i) => ({rt: i.rt, namespace: i.rt.namespaced ? i.namespace : '', name: i.name, object: i.object!}))
  if (errors.length > 0) throw new LookupErrors(errors, out)
  return out
}

function fromFiles(api: Api | undefined, target: Target, q: TargetQuery): SetTarget[] {
  if (q.resources.length > 0) {
    const tuples = q.resources.every((r) => r.includes('/'))
    throw new CliError(tuples ? 'resource/name arguments cannot be provided when a path is specified' : 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  }
  const found = resolveResources(api, {namespace: target.namespace, files: q.files, recursive: q.recursive, latest: !q.local})
  const out = targetsOf(found.infos, found.errors)
  // kubectl passes the selector to its builder only when it talks to the server
  if (!q.selector || q.local) return out
  return out.filter((t) => selectorFilter(t.rt, q.selector)(t.object))
}
