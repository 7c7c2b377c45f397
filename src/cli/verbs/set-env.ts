// `set env`: kubectl's EnvOptions Complete, Validate and RunEnv in their order. Variables come from
// `KEY=VALUE` arguments, -e (also `-` for standard input) and --from a config map or secret (as
// valueFrom references, --keys filtering, --prefix prefixing); `KEY-` removes. Every object is changed in
// memory first (listing with --list, warning about containers -c does not match), then each change goes
// to the server as a strategic merge patch, printing kubectl's `... env updated` lines.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags} from '../print/print-flags.js'
import {aggregateText} from './set-image.js'
import {listContainer, type Resolver} from './set-env-list.js'
import {keyToEnvName, overwriteError, parseEnv, splitEnvironmentFromResources, updateEnv} from './set-env-parse.js'
import {noPodTemplate, podSpecOf, selectContainers, type EnvVar} from './set-pod-template.js'
import {findTargets, LookupErrors, type SetTarget, type TargetQuery} from './set-targets.js'
import type {Sinks} from './sinks.js'
import {writeTemplateChanges, type TemplateChange} from './set-write.js'

export const setEnvArgs = {
  resources: Args.string({description: 'RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N'}),
}

export const setEnvFlags = {
  all: Flags.boolean({description: 'If true, select all resources in the namespace of the specified resource types', default: false}),
  containers: Flags.string({char: 'c', description: 'The names of containers in the selected pod templates to change - may use wildcards', default: '*'}),
  'dry-run': dryRunFlag,
  env: Flags.string({char: 'e', description: 'Specify a key-value pair for an environment variable to set into each container.', multiple: true, multipleNonGreedy: true}),
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-set'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files the resource to update the env', multiple: true, multipleNonGreedy: true}),
  from: Flags.string({description: 'The name of a resource from which to inject environment variables'}),
  keys: Flags.string({description: 'Comma-separated list of keys to import from specified resource', multiple: true, multipleNonGreedy: true}),
  list: Flags.boolean({description: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.', default: false}),
  local: Flags.boolean({description: 'If true, set env will NOT contact api-server but run locally.', default: false}),
  overwrite: Flags.boolean({description: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.', default: true, allowNo: true}),
  prefix: Flags.string({description: 'Prefix to append to variable names'}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  resolve: Flags.boolean({description: 'If true, show secret or configmap references when listing variables', default: false}),
  selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."}),
}

export type SetEnvFlags = Interfaces.InferredFlags<typeof setEnvFlags>

const STDIN_MULTI_USE = 'standard input cannot be used for multiple arguments'

/** Complete and Validate, in kubectl's order; the resources and env arguments. */
function validate(args: string[], flags: SetEnvFlags): {resources: string[]; envArgs: string[]} {
  if (flags.all && flags.selector) throw new CliError('cannot set --all and --selector at the same time')
  const split = splitEnvironmentFromResources(args)
  if (!split) throw new CliError(`all resources must be specified before environment changes: ${args.join(' ')}`)
  if (flags.local && flags['dry-run'] === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  if (!flags.filename?.length && split.resources.length === 0) throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (flags.list && flags.output) throw new CliError('--list and --output may not be specified together')
  if (keysOf(flags).length > 0 && !flags.from) throw new CliError('when specifying --keys, a configmap or secret must be provided with --from')
  return split
}

const keysOf = (flags: SetEnvFlags): string[] => (flags.keys ?? []).flatMap((k) => k.split(',')).filter((k) => k !== '')

/** The builder kubectl makes (twice): files, and with a server the selector and TYPE/NAME arguments. */
function lookup(api: Api | undefined, target: Target, flags: SetEnvFlags, resources: string[], usedStdin: boolean): SetTarget[] {
  if (usedStdin && flags.filename?.includes('-')) throw new LookupErrors([new CliError(STDIN_MULTI_USE)])
  const q: TargetQuery = {resources: flags.local ? [] : resources, files: flags.filename ?? [], recursive: flags.recursive, all: flags.all, selector: flags.local ? undefined : flags.selector, local: flags.local}
  return findTargets(api, target, q)
}

/** --from: each key of the config map or secret (sorted; --keys filtering) as a valueFrom reference. */
function fromVariables(api: Api | undefined, target: Target, flags: SetEnvFlags, usedStdin: boolean, sinks: Sinks): EnvVar[] {
  const keys = keysOf(flags)
  const env: EnvVar[] = []
  for (const t of lookup(api, target, flags, [flags.from!], usedStdin)) {
    const kind = t.object.kind
    if (kind !== 'Secret' && kind !== 'ConfigMap') throw new CliError('unsupported resource specified in --from')
    for (const key of Object.keys((t.object.data ?? {}) as object).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue
      const name = keyToEnvName(key)
      if (name !== key) sinks.err(`Warning: key ${key} transferred to ${name}`)
      const ref = {name: t.object.metadata.name!, key}
      env.push({name, valueFrom: kind === 'Secret' ? {secretKeyRef: ref} : {configMapKeyRef: ref}})
    }
  }
  return env
}

type Change = TemplateChange

/** The mutation of one object (updatePodSpecForObject's callback), listing as it goes with --list. */
function change(t: SetTarget, env: EnvVar[], remove: string[], flags: SetEnvFlags, resolver: Resolver | undefined, sinks: Sinks): Change {
  const after = structuredClone(t.object)
  const spec = podSpecOf(after)
  if (!spec) return {t, after, error: noPodTemplate(t)}
  const containers = selectContainers(spec, flags.containers)
  if (containers.length === 0) {
    sinks.err(`Warning: ${after.kind}/${t.name} does not have any containers matching ${JSON.stringify(flags.containers)}`)
    return {t, after}
  }
  for (const c of containers) {
    const refused = flags.overwrite ? undefined : overwriteError(c.env ?? [], env)
    if (refused) return {t, after, error: refused}
    const next = updateEnv(c.env ?? [], env, remove)
    if (next.length > 0) c.env = next
    else delete c.env
    if (flags.list) {
      const listed = listContainer(after.kind, after, c, resolver)
      sinks.out(listed.out)
      for (const line of listed.errors) sinks.err(line)
    }
  }
  return {t, after}
}

/** Runs `set env`; returns kubectl's aggregate of what failed, if anything did. */
export function runSetEnv(api: Api | undefined, target: Target, args: string[], flags: SetEnvFlags, sinks: Sinks, stdin: () => string): string[] {
  const {resources, envArgs} = validate(args, flags)
  const parsed = parseEnv([...(flags.env ?? []), ...envArgs], stdin)
  try {
    const env = [...parsed.env, ...(flags.from ? fromVariables(api, target, flags, parsed.usedStdin, sinks) : [])]
    if (flags.prefix) for (const e of env) e.name = `${flags.prefix}${e.name}`
    const resolver = flags.resolve && api ? {api, namespace: target.namespace} : undefined
    const targets = lookup(api, target, flags, resources, parsed.usedStdin)
    const changes = targets.map((t) => change(t, env, parsed.remove, flags, resolver, sinks))
    if (flags.list) return []
    const nothingSet = env.length === 0 && envArgs.length === 0
    return writeTemplateChanges(api, changes, flags, [], sinks, {
      operation: 'env updated',
      failed: (message) => `failed to patch env update to pod template: ${message}`,
      // kubectl checks this only after a write went through, and then reports nothing else
      afterWrite: () => (nothingSet ? [aggregateText([new CliError('at least one environment variable must be provided')])] : undefined),
    })
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    return [aggregateText(error.errors)]
  }
}

