// `wait --for=delete | condition=NAME[=value] | jsonpath={...}[=value] | create`: checks each object
// until its condition holds or --timeout runs out, re-reading only when the store has changed.
import type {ResourceType} from '../api/registry.js'
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Target} from '../cluster/clusters.js'

import {apiErrors} from '../api/errors.js'
import {lookupKind} from '../api/registry.js'
import {nameKind} from '../printers/name.js'
import {compileJsonPath, findResults, relaxedJsonPathExpression, valueText, type JsonPathTemplate} from '../printers/jsonpath.js'
import {CliError, errorText} from './errors.js'
import {readManifests} from './manifests.js'
import {parseResourceArgs} from './resource-args.js'
import {readStdin} from './stdin.js'

export type WaitCondition =
  | {kind: 'delete'}
  | {kind: 'create'}
  | {kind: 'condition'; name: string; value: string}
  | {kind: 'jsonpath'; template: JsonPathTemplate; value?: string}

/** Parses --for as kubectl's conditionFuncFor does, with its error messages. */
export function parseWaitFor(text: string): WaitCondition {
  if (text.toLowerCase() === 'delete') return {kind: 'delete'}
  if (text.toLowerCase() === 'create') return {kind: 'create'}
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length)
    const eq = rest.indexOf('=')
    return eq === -1 ? {kind: 'condition', name: rest, value: 'true'} : {kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1)}
  }
  if (text.startsWith('jsonpath=')) {
    // kubectl splits on each single `=` (a `==` inside a filter stays), wanting an expression and maybe a value
    const parts = splitOnSingleEquals(text.slice('jsonpath='.length))
    if (parts.length > 2) {
      throw new CliError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
    }
    let template: JsonPathTemplate
    let value: string | undefined
    try {
      const expr = relaxedJsonPathExpression(parts[0])
      if (parts.length === 2) {
        value = parts[1].replace(/^['"]+|['"]+$/g, '')
        if (value === '') throw new CliError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
      }
      if (expr === '') throw new CliError('jsonpath expression cannot be empty')
      template = compileJsonPath(expr)
    } catch (error) {
      throw error instanceof CliError ? error : new CliError((error as Error).message)
    }
    return {kind: 'jsonpath', template, value}
  }
  throw new CliError(`unrecognized condition: ${JSON.stringify(text)}`)
}

function conditionMet(obj: KObject | undefined, cond: WaitCondition): boolean {
  switch (cond.kind) {
    case 'delete':
      return obj === undefined
    case 'create':
      return obj !== undefined
    case 'condition': {
      if (!obj) return false
      const conds = ((obj.status as {conditions?: {type?: string; status?: string}[]} | undefined)?.conditions ?? [])
      const c = conds.find((x) => (x.type ?? '').toLowerCase() === cond.name.toLowerCase())
      return c !== undefined && (c.status ?? '').toLowerCase() === cond.value.toLowerCase()
    }
    case 'jsonpath': {
      if (!obj) return false
      const results = findResults(cond.template, obj as never, {allowMissingKeys: true}).flat()
      if (results.length === 0) return false
      if (cond.value === undefined) return true
      return results.length === 1 && valueText(results[0]) === cond.value
    }
  }
}

export interface WaitRun {
  args: string[]
  files: string[]
  all: boolean
  allNamespaces: boolean
  selector?: string
  condition: WaitCondition
  timeoutMs: number
  out(text: string): void
  err(line: string): void
}

interface Item {
  rt: ResourceType
  namespace: string
  name: string
  uid?: string
}

function resolve(api: Api, target: Target, run: WaitRun): Item[] {
  if (run.files.length > 0) {
    return readManifests(run.files, {recursive: false, validate: true, stdin: readStdin}).map((i) => {
      if (i.error) throw new CliError(i.error)
      const rt = lookupKind(i.object!.apiVersion, i.object!.kind)
      if (!rt) throw new CliError(`no matches for kind "${i.object!.kind}" in version "${i.object!.apiVersion}"`)
      return {rt, namespace: i.object!.metadata.namespace || target.namespace, name: i.object!.metadata.name ?? ''}
    })
  }
  const {requests} = parseResourceArgs(run.args)
  if (requests.length === 0) throw new CliError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'', true)
  const items: Item[] = []
  for (const {rt, names} of requests) {
    if (names.length > 0) {
      for (const name of names) items.push({rt, namespace: target.namespace, name})
      continue
    }
    if (!run.all && !run.selector) throw new CliError('resource(s) were provided, but no name was specified')
    for (const o of api.list(rt, run.allNamespaces ? undefined : target.namespace, {labelSelector: run.selector}).items) {
      items.push({rt, namespace: o.metadata.namespace ?? '', name: o.metadata.name!, uid: o.metadata.uid})
    }
  }
  return items
}

/** Waits for every object in turn (sharing one deadline); returns the error that stopped it, if one did. */
export async function runWait(api: Api, target: Target, run: WaitRun): Promise<string[]> {
  const items = resolve(api, target, run)
  const deadline = performance.now() + run.timeoutMs
  const forDelete = run.condition.kind === 'delete'
  let visited = 0
  for (const item of items) {
    const first = api.peek(item.rt.kind, item.rt.namespaced ? item.namespace : '', item.name)
    // a named object already gone is skipped silently (kubectl ignores its NotFound), but one that was
    // listed (--all, -l) and has gone since meets the condition and says so
    if (!first && forDelete && !item.uid) continue
    if (!first && !forDelete && run.condition.kind !== 'create') {
      return [errorText(apiErrors.notFound(item.rt.plural, item.rt.group, item.name))]
    }
    visited++
    const uid = item.uid ?? first?.metadata.uid
    let seen: string | undefined
    for (;;) {
      const dv = api.changeStamp()
      if (dv !== seen) {
        seen = dv
        let obj = api.peek(item.rt.kind, item.rt.namespaced ? item.namespace : '', item.name)
        if (forDelete && obj && uid && obj.metadata.uid !== uid) obj = undefined
        if (conditionMet(obj, run.condition)) {
          run.out(`${nameKind(item.rt)}/${item.name} condition met\n`)
          break
        }
      }
      if (performance.now() >= deadline) {
        const plural = item.rt.group ? `${item.rt.plural}.${item.rt.group}` : item.rt.plural
        return [run.timeoutMs === 0 ? `error: condition not met for ${plural}/${item.name}` : `error: timed out waiting for the condition on ${plural}/${item.name}`]
      }
      await new Promise((r) => setTimeout(r, Math.max(1, Math.min(20, deadline - performance.now()))))
    }
  }
  if (visited === 0 && !forDelete) {
    return ['error: no matching resources found']
  }
  return []
}

/** kubectl's splitJSONPathInput: splits on every `=` that is not half of `==`. */
export function splitOnSingleEquals(input: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') cur += input[i]
    else if (input[i + 1] === '=') {
      cur += '=='
      i++
    } else {
      out.push(cur)
      cur = ''
    }
  }
  return [...out, cur]
}
