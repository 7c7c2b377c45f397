// The one way the CLI turns "TYPE NAME / TYPE/NAME / -f / -l / --all" into objects: kubectl's cli-runtime
// resource.Builder and Visit. It returns what it found in visit order, each entry either an object (its
// type, namespace, name, and the object when it was read) or the error met on the way, so a command that
// acts on each object keeps kubectl's interleaving of successes and errors.
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {CliError, withSource} from '../errors.js'
import {parseResourceArgs, type ResourceRequest} from './args.js'

/** One object the builder found (kubectl's resource.Info). */
export interface ResourceInfo {
  rt: ResourceType
  /** '' for cluster-scoped kinds */
  namespace: string
  name: string
  /** the live object (listed, or fetched with `latest`), or the file's object (files without `latest`) */
  object?: KObject
  /** the file that named it (`STDIN` for `-`) */
  source?: string
}

/** One step of the visit: an object, or the error met instead. */
export type Visited = {info: ResourceInfo; error?: undefined} | {error: unknown; info?: undefined}

/** A run of objects from one request (one TYPE, or one document of a file): `get` prints one table each. */
export interface InfoGroup {
  rt: ResourceType
  objects: KObject[]
  /** listed (by selector or --all) rather than named */
  listed: boolean
  /** the names asked for (none when listed) */
  names?: string[]
}

export interface BuilderOptions {
  /** the namespace names and files default to */
  namespace: string
  /** -n was given: an object from a file in another namespace is an error (kubectl's enforcement) */
  enforceNamespace?: boolean
  /** -A: lists read every namespace */
  allNamespaces?: boolean
  /** TYPE, TYPE NAME..., TYPE1,TYPE2 NAME..., TYPE/NAME... */
  args?: string[]
  /** -f: files, directories, http(s) URLs, `-` for stdin */
  files?: string[]
  recursive?: boolean
  /** client-side schema checks of apiVersion/kind (the verbs with --validate); default false: the decoder's error instead */
  validate?: boolean
  stdin?: () => string
  selector?: string
  fieldSelector?: string
  /** --all: a bare TYPE selects every object */
  all?: boolean
  /** thrown when the arguments name no type at all (kubectl's "You must provide one or more resources") */
  missing?: Error
  /** a bare TYPE needs -l, --field-selector or --all (kubectl's RequireObject without SelectAll) */
  requireNames?: boolean
  /** names beside -l / --all are an error (default) or ignored */
  namesWithSelector?: 'error' | 'ignore'
  /** names with -A are an error ("a resource cannot be retrieved by name across all namespaces") */
  namesNeedNamespace?: boolean
  /** fetch each named object from the API (kubectl's Latest); listed objects are always read */
  latest?: boolean
  /** with `latest`, the verb that prefixes a fetch error with its file (`error when retrieving "f": ...`) */
  fetchVerb?: string
  ignoreNotFound?: boolean
  /** false: the first file that cannot be read throws; true (default): it is one more error */
  continueOnError?: boolean
}

export interface BuilderResult {
  visited: Visited[]
  infos: ResourceInfo[]
  errors: unknown[]
  /** per request, in order (empty ones included) */
  groups: InfoGroup[]
  /** how many types were asked for (a comma list or `all` counts as several) */
  typeCount: number
  /** exactly one object was named */
  singleItem: boolean
  slashForm: boolean
  /** the store revision the objects were read at */
  revision: number
}

/** The selection flags as oclif parses them (each verb declares those it has). */
export interface ParsedSelectionFlags {
  filename?: string[]
  recursive?: boolean
  all?: boolean
  'all-namespaces'?: boolean
  selector?: string
  'field-selector'?: string
}

/** The builder options for a verb's arguments and parsed selection flags, in the target namespace. */
export function selectionOfFlags(namespace: string, args: string[], flags: ParsedSelectionFlags): BuilderOptions {
  return {
    namespace,
    args,
    files: flags.filename ?? [],
    recursive: flags.recursive,
    all: flags.all,
    allNamespaces: flags['all-namespaces'],
    selector: flags.selector,
    fieldSelector: flags['field-selector'],
  }
}

/** The builder's error when nothing names a resource. */
export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/**
 * Finds the objects the options name. Malformed requests throw a CliError; lookups that fail are errors
 * in the result. The manifest reader (and its YAML parser) loads only when -f is given.
 */
export async function loadResources(api: Api | undefined, opts: BuilderOptions): Promise<BuilderResult> {
  if ((opts.files ?? []).length === 0) return resourcesFromArgs(api, opts)
  const {resourcesFromFiles} = await import('./files.js')
  return resourcesFromFiles(api, opts)
}

export function result(visited: Visited[], groups: InfoGroup[], rest: Pick<BuilderResult, 'typeCount' | 'singleItem' | 'slashForm' | 'revision'>): BuilderResult {
  return {
    visited,
    infos: visited.flatMap((v) => (v.info ? [v.info] : [])),
    errors: visited.flatMap((v) => (v.info ? [] : [v.error])),
    groups,
    ...rest,
  }
}

/** The objects named by TYPE [NAME...] / TYPE/NAME arguments, with -l, --field-selector, --all and -A. */
export function resourcesFromArgs(api: Api | undefined, opts: BuilderOptions): BuilderResult {
  const {requests, slashForm, typeCount} = parseResourceArgs(opts.args ?? [])
  if (requests.length === 0 && opts.missing) throw opts.missing
  const named = requests.some((r) => r.names.length > 0)
  if (named && opts.namesNeedNamespace && opts.allNamespaces) throw new CliError('a resource cannot be retrieved by name across all namespaces')
  if (named && (opts.namesWithSelector ?? 'error') === 'error' && (opts.all || opts.selector)) {
    throw new CliError(opts.all ? 'name cannot be provided when --all is specified' : 'name cannot be provided when a selector is specified')
  }
  if (!named && requests.length > 0 && opts.requireNames && !opts.all && !opts.selector && !opts.fieldSelector) {
    throw new CliError('resource(s) were provided, but no name was specified')
  }
  const visited: Visited[] = []
  const groups: InfoGroup[] = []
  let revision = 0
  const read = () => {
    revision = api ? api.revision() : 0
    for (const req of requests) groups.push(visitRequest(api, req, opts, visited))
  }
  if (api) api.snapshot(read)
  else read()
  const singleItem = requests.length === 1 && requests[0].names.length === 1
  return result(visited, groups, {typeCount, singleItem, slashForm, revision})
}

function visitRequest(api: Api | undefined, {rt, names}: ResourceRequest, opts: BuilderOptions, visited: Visited[]): InfoGroup {
  if (names.length === 0) {
    const objects = api!.list(rt, opts.allNamespaces ? undefined : opts.namespace, {labelSelector: opts.selector || undefined, fieldSelector: opts.fieldSelector}).items
    for (const o of objects) visited.push({info: {rt, namespace: o.metadata.namespace ?? '', name: o.metadata.name!, object: o}})
    return {rt, objects, listed: true, names: []}
  }
  const objects: KObject[] = []
  for (const name of names) {
    const info: ResourceInfo = {rt, namespace: rt.namespaced ? opts.namespace : '', name}
    const v = opts.latest ? fetch(api!, info, opts) : {info}
    if (v === undefined) continue
    visited.push(v)
    if (v.info?.object) objects.push(v.info.object)
  }
  return {rt, objects, listed: false, names}
}

/** Reads the live object; undefined when it is missing and NotFound is ignored. */
export function fetch(api: Api, info: ResourceInfo, opts: BuilderOptions): Visited | undefined {
  try {
    return {info: {...info, object: api.get(info.rt, info.namespace, info.name)}}
  } catch (error) {
    if (opts.ignoreNotFound && isStatusError(error, 'NotFound')) return undefined
    if (opts.fetchVerb !== undefined && !isStatusError(error)) throw error
    return {error: opts.fetchVerb === undefined ? error : withSource(error, opts.fetchVerb, info.source)}
  }
}

