// `wait --for=delete | condition=NAME[=value] | jsonpath={...}[=value] | create`: checks each object
// until its condition holds or --timeout runs out, re-reading only when the store has changed.
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {apiErrors} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {compileJsonPath, findResults, relaxedJsonPathExpression, valueText, type JsonPathTemplate} from '../../printers/jsonpath.js'
import {CliError, errorText} from '../errors.js'
import {MISSING_RESOURCE, selectionOfFlags} from '../resource/builder.js'
import {realClock, waitUntil} from '../resource/wait.js'
import {resolveResources} from '../resource/files.js'
import {parseDuration} from '../duration-flag.js'
import type {WaitFlags} from './wait-flags.js'
import type {Sinks} from './sinks.js'

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

/** What Complete works out from the flags: the parsed --for and --timeout. */
export interface WaitOptions {
  condition: WaitCondition
  timeoutMs: number
}

/** kubectl's Complete and Validate: --for is required and must parse, --timeout too (negative: a week). */
export function completeWait(flags: WaitFlags): WaitOptions {
  if (!flags.for) throw new CliError('--for must be specified', true)
  const condition = parseWaitFor(flags.for)
  const timeoutMs = parseDuration(flags.timeout, 'timeout')
  return {condition, timeoutMs: timeoutMs < 0 ? 168 * 3600 * 1000 : timeoutMs}
}

interface Item {
  rt: ResourceType
  namespace: string
  name: string
  uid?: string
}

function resolve(api: Api, target: Target, args: string[], flags: WaitFlags): Item[] {
  const {infos} = resolveResources(api, {
    ...selectionOfFlags(target.namespace, args, flags),
    requireNames: true,
    namesWithSelector: 'ignore',
    continueOnError: false,
    missing: new CliError(MISSING_RESOURCE, true),
  })
  // a listed object is waited for by its uid; a named one (or one from a file) by whatever has the name
  return infos.map((i) => ({rt: i.rt, namespace: i.namespace, name: i.name, uid: i.source ? undefined : i.object?.metadata.uid}))
}

/** Waits for every object in turn (sharing one deadline); returns the error that stopped it, if one did. */
export async function runWait(api: Api, target: Target, args: string[], flags: WaitFlags, o: WaitOptions, sinks: Sinks): Promise<string[]> {
  const items = resolve(api, target, args, flags)
  const deadline = realClock.now() + o.timeoutMs
  const forDelete = o.condition.kind === 'delete'
  let visited = 0
  for (const item of items) {
    const first = api.peek(item.rt.kind, item.rt.namespaced ? item.namespace : '', item.name)
    // a named object already gone is skipped silently (kubectl ignores its NotFound), but one that was
    // listed (--all, -l) and has gone since meets the condition and says so
    if (!first && forDelete && !item.uid) continue
    if (!first && !forDelete && o.condition.kind !== 'create') {
      return [errorText(apiErrors.notFound(item.rt.plural, item.rt.group, item.name))]
    }
    visited++
    const uid = item.uid ?? first?.metadata.uid
    const met = (i: Item): boolean => {
      let obj = api.peek(i.rt.kind, i.rt.namespaced ? i.namespace : '', i.name)
      if (forDelete && obj && uid && obj.metadata.uid !== uid) obj = undefined
      return conditionMet(obj, o.condition)
    }
    const left = await waitUntil(api, [item], met, {timeoutMs: Math.max(0, deadline - realClock.now()), kinds: [item.rt.kind]})
    if (left.length > 0) {
      const plural = item.rt.group ? `${item.rt.plural}.${item.rt.group}` : item.rt.plural
      return [o.timeoutMs === 0 ? `error: condition not met for ${plural}/${item.name}` : `error: timed out waiting for the condition on ${plural}/${item.name}`]
    }
    sinks.out(`${nameKind(item.rt)}/${item.name} condition met\n`)
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
