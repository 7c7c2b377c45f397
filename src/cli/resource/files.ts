// The -f half of the resource builder: files, directories (with --recursive), URLs and stdin, each
// document placed in its namespace (defaulted, or refused when -n names another) and, with `latest`,
// read again from the API.
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {lookupKind} from '../../api/registry.js'
import {CliError, PlainError} from '../errors.js'
import {readStdin} from './stdin.js'
import {fetch, resourcesFromArgs, result, type BuilderOptions, type BuilderResult, type InfoGroup, type Visited} from './builder.js'
import {expandPaths, noKindMatch, readManifests} from './manifests.js'
import {placeInNamespace} from './namespace.js'

/** Finds the objects the options name, -f or arguments (for commands that read files synchronously). */
export function resolveResources(api: Api | undefined, opts: BuilderOptions): BuilderResult {
  return (opts.files ?? []).length > 0 ? resourcesFromFiles(api, opts) : resourcesFromArgs(api, opts)
}

/** The objects of the -f documents, in file order. */
export function resourcesFromFiles(api: Api | undefined, opts: BuilderOptions): BuilderResult {
  // the builder's visitByPaths: files and resource arguments together name nothing, before any is read
  const args = opts.args ?? []
  if (args.some((a) => a.includes('/'))) throw new CliError('resource/name arguments cannot be provided when a path is specified')
  if (args.length > 0) throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  const continueOnError = opts.continueOnError ?? true
  const read: Visited[] = []
  for (const item of readManifests(opts.files!, {recursive: opts.recursive ?? false, validate: opts.validate ?? false, stdin: opts.stdin ?? readStdin})) {
    if (item.error) {
      if (!continueOnError) throw new CliError(item.error)
      read.push({error: new PlainError(item.error)})
      continue
    }
    const obj = item.object!
    const rt = lookupKind(obj.apiVersion, obj.kind)
    if (!rt) {
      if (!continueOnError) throw new CliError(noKindMatch(obj, item.source))
      read.push({error: new CliError(noKindMatch(obj, item.source))})
      continue
    }
    read.push(placed(rt, obj, item.source, opts))
  }
  const visited: Visited[] = []
  const groups: InfoGroup[] = []
  let revision = 0
  const fetchAll = () => {
    revision = api ? api.revision() : 0
    for (const v of read) {
      const next = v.info && opts.latest ? fetch(api!, v.info, opts) : v
      if (v.info) groups.push({rt: v.info.rt, objects: next?.info?.object ? [next.info.object] : [], listed: false, names: [v.info.name]})
      if (next !== undefined) visited.push(next)
    }
  }
  if (api && opts.latest) api.snapshot(fetchAll)
  else fetchAll()
  const infos = read.filter((v) => v.info)
  return result(visited, groups, {typeCount: new Set(infos.map((v) => v.info!.rt)).size, singleItem: oneFile(opts.files!, opts.recursive ?? false), slashForm: false, revision})
}

// kubectl's singleItemImplied for -f: one file once directories are expanded (a directory holding one
// file counts), not stdin; however many documents it holds
function oneFile(files: string[], recursive: boolean): boolean {
  if (files.length !== 1 || files[0] === '-') return false
  try {
    return expandPaths(files, recursive).length === 1
  } catch {
    return false
  }
}

/** The file's object and its namespace (defaulted, or refused when -n names another); the object stays as the file has it. */
function placed(rt: ResourceType, obj: KObject, source: string, opts: BuilderOptions): Visited {
  try {
    const namespace = placeInNamespace(obj, rt, {namespace: opts.namespace, namespaceExplicit: opts.enforceNamespace ?? false}).metadata.namespace
    return {info: {rt, namespace: rt.namespaced ? namespace! : '', name: obj.metadata.name ?? '', object: obj, source}}
  } catch (error) {
    return {error}
  }
}
