// The objects a `set` subcommand works on, found as kubectl's resource builder finds them for `set image`:
// `TYPE NAME...`, `TYPE/NAME...`, `TYPE` with -l or --all, or -f files (fetched again from the server,
// or taken as they are with --local). Every lookup is tried; the errors come back together, as kubectl's
// ContinueOnError builder aggregates them, and then nothing is changed.
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Target} from '../cluster/clusters.js'

import {lookupKind, type ResourceType} from '../api/registry.js'
import {selectorFilter} from '../api/list-filter.js'
import {CliError} from './errors.js'
import {noKindMatch, readManifests} from './manifests.js'
import {parseResourceArgs} from './resource-args.js'
import {readStdin} from './stdin.js'

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

/** The builder's error when nothing names a resource. */
export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

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
  const out: SetTarget[] = []
  const errors: unknown[] = []
  for (const {rt, names} of requests) {
    const namespace = rt.namespaced ? target.namespace : ''
    if (selector !== undefined) {
      const items = api!.list(rt, namespace || undefined, {labelSelector: selector || undefined}).items
      for (const o of items) out.push({rt, namespace, name: o.metadata.name!, object: o})
      continue
    }
    for (const name of names) fetch(api!, rt, namespace, name, out, errors)
  }
  if (errors.length > 0) throw new LookupErrors(errors, out)
  return out
}

function fetch(api: Api, rt: ResourceType, namespace: string, name: string, out: SetTarget[], errors: unknown[]): void {
  try {
    out.push({rt, namespace, name, object: api.get(rt, namespace, name)})
  } catch (error) {
    errors.push(error)
  }
}

function fromFiles(api: Api | undefined, target: Target, q: TargetQuery): SetTarget[] {
  if (q.resources.length > 0) {
    const tuples = q.resources.every((r) => r.includes('/'))
    throw new CliError(tuples ? 'resource/name arguments cannot be provided when a path is specified' : 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  }
  const out: SetTarget[] = []
  const errors: unknown[] = []
  for (const item of readManifests(q.files, {recursive: q.recursive, validate: true, stdin: readStdin})) {
    if (item.error) {
      errors.push(new CliError(item.error))
      continue
    }
    const obj = item.object!
    const rt = lookupKind(obj.apiVersion, obj.kind)
    if (!rt) {
      errors.push(new CliError(noKindMatch(obj, item.source)))
      continue
    }
    const namespace = rt.namespaced ? obj.metadata.namespace || target.namespace : ''
    if (q.local) {
      out.push({rt, namespace, name: obj.metadata.name ?? '', object: obj})
      continue
    }
    fetch(api!, rt, namespace, obj.metadata.name ?? '', out, errors)
  }
  if (errors.length > 0) throw new LookupErrors(errors, out)
  // kubectl passes the selector to its builder only when it talks to the server
  if (!q.selector || q.local) return out
  return out.filter((t) => selectorFilter(t.rt, q.selector)(t.object))
}
