// Shell completion: given the words of a command line, the candidates for the last one. Commands,
// flags and flag values come from the manifest; contexts, namespaces and object names are live.
// Resource arguments follow kubectl's completion: `TYPE <TAB>` lists names, `TYPE/<TAB>` lists
// `TYPE/name`, and the first argument lists resource types as `kubectl api-resources -o name` does.
import {parseLine, flagFor, type Line} from './line.cjs'
import {fixedValues} from './flag-values.cjs'
import {clusterNames, contextNames, objectNames, selectTarget} from './live.cjs'
import {childNames, findCommand, isCommandPath, lookupType, resourceListName, type CommandInfo, type FlagInfo, type Model} from './model.cjs'

/** Directive bit: the shell must not add a space after the completed word. */
export const NO_SPACE = 1
/** Directive bit: the shell completes file names itself. */
export const FILES = 2

/** Candidates for the word being completed, each starting with that word, and what the shell should do. */
export interface Completion {
  candidates: string[]
  directive: number
  /** what each candidate is (zsh shows it beside the candidate); '' for none */
  descriptions?: string[]
}

/** Commands whose arguments are `TYPE [NAME...]` or `TYPE/NAME...`; a list limits the types. */
const RESOURCE_ARGS: Record<string, string[] | undefined> = {
  annotate: undefined, delete: undefined, describe: undefined, edit: undefined, get: undefined,
  label: undefined, patch: undefined, wait: undefined,
  expose: ['deployments', 'pods', 'replicasets', 'services'],
  'rollout:history': ['deployments'], 'rollout:pause': ['deployments'], 'rollout:restart': ['deployments'],
  'rollout:resume': ['deployments'], 'rollout:status': ['deployments'], 'rollout:undo': ['deployments'],
  scale: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'],
  'set:image': ['daemonsets', 'deployments', 'pods', 'cronjobs', 'replicasets', 'replicationcontrollers', 'statefulsets'],
  taint: ['node'],
}
/** Commands whose first argument is a pod, or a node. */
const POD_ARG = new Set(['attach', 'exec', 'logs', 'port-forward'])
const NODE_ARG = new Set(['cordon', 'drain', 'node:start', 'node:stop', 'uncordon'])
const CLUSTER_ARG = new Set(['cluster:delete', 'cluster:start', 'cluster:status', 'cluster:stop', 'cluster:use'])
const CONTEXT_ARG = new Set(['config:get-contexts', 'config:set-context', 'config:use-context'])
/** `wait --for` values (kubectl's: delete, create, condition=NAME[=VALUE], jsonpath=EXPR=VALUE) */
const WAIT_FOR = ['condition=', 'create', 'delete', 'jsonpath=']
/** Flags whose value is a file name. */
const FILE_FLAGS = new Set(['filename', 'from-env-file', 'from-file', 'patch-file'])

const NONE: Completion = {candidates: [], directive: 0}

/** Completes the last of `words` (the words after `ksim`; '' when the cursor follows a space). */
export function complete(model: Model, words: string[]): Completion {
  const line = parseLine(model, words.length > 0 ? words : [''])
  const cur = line.current
  if (line.valueFor) return flagValue(line, line.valueFor, cur, '')
  if (!line.dashDash && cur.startsWith('-')) {
    const eq = cur.indexOf('=')
    if (eq < 0) return flagNames(line.command, cur)
    const flag = flagFor(line.command, cur.slice(0, eq))
    return flag?.type === 'option' ? flagValue(line, flag, cur.slice(eq + 1), cur.slice(0, eq + 1)) : NONE
  }
  if (line.atPath) {
    const children = childNames(model, line.path)
    if (children.length > 0 || !line.command) {
      return described(matching(children, cur), (c) => firstLine(findCommand(model, line.path ? `${line.path}:${c}` : c)?.summary))
    }
  }
  return line.command ? argument(model, line, line.command) : NONE
}

/** The candidates that start with `prefix`; no space after a `=` or `/` that asks for more. */
function matching(values: string[], prefix: string, lead = ''): Completion {
  const candidates = [...new Set(values)].filter((v) => v.startsWith(prefix)).map((v) => lead + v)
  const open = candidates.length > 0 && candidates.every((c) => c.endsWith('=') || c.endsWith('/'))
  return {candidates, directive: open ? NO_SPACE : 0}
}

function flagNames(command: CommandInfo | undefined, cur: string): Completion {
  const visible = Object.values(command?.flags ?? {}).filter((f) => !f.hidden)
  const names = [...visible.map((f) => `--${f.name}`), '--help']
  if (!cur.startsWith('--')) names.push(...visible.filter((f) => f.char).map((f) => `-${f.char}`), '-h')
  const help = `help for ${command?.id.replaceAll(':', ' ') ?? 'ksim'}`
  return described(matching(names.sort(), cur), (n) =>
    n === '--help' || n === '-h' ? help : firstLine(visible.find((f) => `--${f.name}` === n || `-${f.char}` === n)?.description),
  )
}

/** A completion with a description for each candidate. */
function described(c: Completion, describe: (candidate: string) => string | undefined): Completion {
  return {...c, descriptions: c.candidates.map((x) => describe(x) ?? '')}
}

/** The first sentence of a help text, on one line. */
function firstLine(text: string | undefined): string | undefined {
  const line = text?.split('\n')[0].trim()
  return line ? (/^(.*?\.)(\s|$)/.exec(line)?.[1] ?? line) : undefined
}

function flagValue(line: Line, flag: FlagInfo, prefix: string, lead: string): Completion {
  if (FILE_FLAGS.has(flag.name)) return {candidates: [], directive: FILES}
  if (flag.name === 'context') return matching(contextNames(), prefix, lead)
  if (flag.name === 'cluster') return matching(clusterNames(), prefix, lead)
  if (flag.name === 'for' && line.command?.id === 'wait') return matching(WAIT_FOR, prefix, lead)
  if (flag.name === 'namespace') {
    const target = selectTarget(line.values.context)
    return matching(target ? objectNames(target.cluster, 'Namespace', '', prefix) : [], prefix, lead)
  }
  return matching(fixedValues(flag), prefix, lead)
}

function argument(model: Model, line: Line, command: CommandInfo): Completion {
  const {args, current: cur} = line
  const first = args.length === 0
  if (command.id === 'help') {
    const path = args.join(':')
    return path === '' || isCommandPath(model, path) ? matching(childNames(model, path), cur) : NONE
  }
  if (command.id === 'completion') return first ? matching(['bash', 'zsh'], cur) : NONE
  if (CLUSTER_ARG.has(command.id)) return first ? matching(clusterNames(), cur) : NONE
  if (CONTEXT_ARG.has(command.id)) return first ? matching(contextNames(), cur) : NONE
  if (POD_ARG.has(command.id)) return first ? matching(liveNames(model, line, 'pods', cur), cur) : NONE
  if (NODE_ARG.has(command.id)) return first ? matching(liveNames(model, line, 'nodes', cur), cur) : NONE
  if (command.id in RESOURCE_ARGS) return resourceArgument(model, line, RESOURCE_ARGS[command.id])
  return NONE
}

function resourceArgument(model: Model, line: Line, allowed: string[] | undefined): Completion {
  const {args, current: cur} = line
  if (args.length > 0 && !args[0].includes('/')) {
    // `get pods <TAB>` (or `get pods,nodes <TAB>`): names of the given types, not yet on the line
    const names = args[0].split(',').flatMap((t) => liveNames(model, line, t, cur))
    return matching(names.filter((n) => !args.includes(n)), cur)
  }
  const slash = cur.indexOf('/')
  if (slash >= 0) {
    const type = cur.slice(0, slash)
    const names = liveNames(model, line, type, cur.slice(slash + 1)).map((n) => `${type}/${n}`)
    return matching(names.filter((n) => !args.includes(n)), cur)
  }
  // of the types kubectl offers there, only those ksim serves
  const types = allowed?.filter((t) => lookupType(model, t) !== undefined) ?? model.resourceTypes.map(resourceListName).sort()
  // after a `TYPE/NAME` argument every argument has that form: offer `TYPE/` and wait for the name
  if (args.length > 0) return matching(types.map((t) => `${t}/`), cur)
  const comma = cur.lastIndexOf(',') + 1
  return matching(types, cur.slice(comma), cur.slice(0, comma))
}

/** Live names of the objects of a type (as typed) in the namespace the line selects (every one with -A). */
function liveNames(model: Model, line: Line, typeText: string, prefix: string): string[] {
  const rt = lookupType(model, typeText)
  const target = selectTarget(line.values.context)
  if (!rt || !target) return []
  const all = line.values['all-namespaces'] !== undefined && !/^(0|f|F|false|FALSE|False)$/.test(line.values['all-namespaces'])
  const namespace = rt.namespaced ? (all ? undefined : line.values.namespace || target.namespace) : ''
  return objectNames(target.cluster, rt.kind, namespace, prefix)
}
