// `delete`: resolve what to delete (args, -f, -l, --all), delete each with the requested grace, print
// kubectl's line per object, then wait until every deleted object is gone (unless --wait=false).
import type {PropagationPolicy} from '../../api/delete.js'
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {dryRunSuffix} from '../print/print-flags.js'
import {CliError, errorText, withSource} from '../errors.js'
import {loadResources, MISSING_RESOURCE, selectionOf, type ResourceInfo, type Visited} from '../resource/builder.js'
import {waitUntil} from '../resource/wait.js'

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

/** Works out which objects the arguments name (a file that cannot be read is an error in the visit). */
async function resolveVictims(api: Api, target: Target, run: DeleteRun): Promise<Visited[]> {
  if (run.files.length > 0 && run.args.length > 0) throw new CliError('Unexpected args: ' + JSON.stringify(run.args).replaceAll('"', '').replaceAll(',', ' '), true)
  const {visited} = await loadResources(api, {
    ...selectionOf(target.namespace, run),
    requireNames: true,
    missing: new CliError(MISSING_RESOURCE, true),
  })
  return visited
}

export async function runDelete(api: Api, target: Target, run: DeleteRun): Promise<string[]> {
  const errors: string[] = []
  const visited = await resolveVictims(api, target, run)
  const gone: {rt: ResourceType; namespace: string; name: string; uid: string}[] = []
  let found = 0
  let warnClusterScope = run.warnClusterScope ?? false
  for (const {info: v, error} of visited) {
    if (!v) {
      errors.push(errorText(error))
      continue
    }
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
    // gone, or replaced by a new object of the same name (another uid)
    const left = await waitUntil(api, gone, (i) => api.peek(i.rt.kind, i.namespace, i.name)?.metadata.uid !== i.uid, {timeoutMs: run.timeoutMs, kinds: [...new Set(gone.map((g) => g.rt.kind))]})
    for (const l of left) errors.push(`error: timed out waiting for the condition on ${l.rt.group ? `${l.rt.plural}.${l.rt.group}` : l.rt.plural}/${l.name}`)
  }
  return errors
}

function successLine(v: ResourceInfo, run: DeleteRun): string {
  const kind = nameKind(v.rt)
  if (run.nameOutput) return `${kind}/${v.name}\n`
  const op = `${run.grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(run.dryRun)}`
  const where = v.rt.namespaced ? ` from ${v.namespace} namespace` : ''
  return `${kind} "${v.name}" ${op}${where}\n`
}
