// `delete`: resolve what to delete (args, -f, -l, --all), delete each with the requested grace, print
// kubectl's line per object, then wait until every deleted object is gone (unless --wait=false).
import type {PropagationPolicy} from '../api/delete.js'
import type {ResourceType} from '../api/registry.js'
import type {Api} from '../api/server.js'
import type {Target} from '../cluster/clusters.js'

import {isStatusError} from '../api/errors.js'
import {lookupKind} from '../api/registry.js'
import {nameKind} from '../printers/name.js'
import {dryRunSuffix} from './print/print-flags.js'
import {CliError, errorText, withSource} from './errors.js'
import {parseResourceArgs} from './resource-args.js'
import {waitUntilGone} from './wait-gone.js'

export interface DeleteRun {
  args: string[]
  files: string[]
  recursive: boolean
  all: boolean
  allNamespaces: boolean
  selector?: string
  fieldSelector?: string
  ignoreNotFound: boolean
  /** -1 = not sent */
  grace: number
  cascade: PropagationPolicy
  dryRun: 'none' | 'client' | 'server'
  nameOutput: boolean
  wait: boolean
  timeoutMs: number
  /** -n was given (and not -A): kubectl warns once when it deletes a cluster-scoped object anyway */
  warnClusterScope?: boolean
  out(text: string): void
  err(line: string): void
}

interface Victim {
  rt: ResourceType
  namespace: string
  name: string
  source?: string
}

const RESOURCE_EXAMPLES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/**
 * Works out which objects the arguments name; errors for names that do not exist come back separately.
 * Manifests (with the YAML parser) load only for -f.
 */
async function resolveVictims(api: Api, target: Target, run: DeleteRun, errors: string[]): Promise<Victim[]> {
  if (run.files.length > 0) {
    if (run.args.length > 0) throw new CliError('Unexpected args: ' + JSON.stringify(run.args).replaceAll('"', '').replaceAll(',', ' '), true)
    const [{noKindMatch, readManifests}, {readStdin}] = await Promise.all([import('./manifests.js'), import('./stdin.js')])
    const victims: Victim[] = []
    for (const item of readManifests(run.files, {recursive: run.recursive, validate: true, stdin: readStdin})) {
      if (item.error) {
        errors.push(item.error)
        continue
      }
      const o = item.object!
      const rt = lookupKind(o.apiVersion, o.kind)
      if (!rt) {
        errors.push(`error: ${noKindMatch(o, item.source)}`)
        continue
      }
      victims.push({rt, namespace: rt.namespaced ? o.metadata.namespace || target.namespace : '', name: o.metadata.name ?? '', source: item.source})
    }
    return victims
  }
  const {requests} = parseResourceArgs(run.args)
  if (requests.length === 0) throw new CliError(RESOURCE_EXAMPLES, true)
  const byName = requests.some((r) => r.names.length > 0)
  if (byName && (run.all || run.selector)) throw new CliError(run.all ? 'name cannot be provided when --all is specified' : 'name cannot be provided when a selector is specified')
  if (!byName && !run.all && !run.selector && !run.fieldSelector) throw new CliError('resource(s) were provided, but no name was specified')
  const victims: Victim[] = []
  const ns = run.allNamespaces ? undefined : target.namespace
  for (const {rt, names} of requests) {
    if (names.length === 0) {
      for (const o of api.list(rt, ns, {labelSelector: run.selector, fieldSelector: run.fieldSelector}).items) {
        victims.push({rt, namespace: o.metadata.namespace ?? '', name: o.metadata.name!})
      }
      continue
    }
    for (const name of names) victims.push({rt, namespace: rt.namespaced ? target.namespace : '', name})
  }
  return victims
}

export async function runDelete(api: Api, target: Target, run: DeleteRun): Promise<string[]> {
  const errors: string[] = []
  const victims = await resolveVictims(api, target, run, errors)
  const gone: {rt: ResourceType; namespace: string; name: string; uid: string}[] = []
  let found = 0
  let warnClusterScope = run.warnClusterScope ?? false
  for (const v of victims) {
    try {
      const obj = api.get(v.rt, v.namespace, v.name)
      found++
      if (warnClusterScope && !v.rt.namespaced) {
        run.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace')
        warnClusterScope = false
      }
      if (run.dryRun !== 'client') {
        const r = api.delete(v.rt, v.namespace, v.name, {
          gracePeriodSeconds: run.grace >= 0 ? run.grace : undefined,
          propagationPolicy: run.cascade,
          dryRun: run.dryRun === 'server',
        })
        if (!r.removed) gone.push({rt: v.rt, namespace: v.namespace, name: v.name, uid: obj.metadata.uid ?? ''})
      }
      run.out(successLine(v, run))
    } catch (error) {
      if (run.ignoreNotFound && isStatusError(error, 'NotFound')) continue
      errors.push(errorText(withSource(error, 'deleting', v.source)))
    }
  }
  if (found === 0 && errors.length === 0) run.out('No resources found\n')
  if (run.wait && run.dryRun === 'none' && gone.length > 0) {
    const left = await waitUntilGone(api, gone, run.timeoutMs)
    for (const l of left) errors.push(`error: timed out waiting for the condition on ${l.rt.group ? `${l.rt.plural}.${l.rt.group}` : l.rt.plural}/${l.name}`)
  }
  return errors
}

function successLine(v: Victim, run: DeleteRun): string {
  const kind = nameKind(v.rt)
  if (run.nameOutput) return `${kind}/${v.name}\n`
  const op = `${run.grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(run.dryRun)}`
  const where = v.rt.namespaced ? ` from ${v.namespace} namespace` : ''
  return `${kind} "${v.name}" ${op}${where}\n`
}
