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
import {loadResources, MISSING_RESOURCE, selectionOfFlags, type ResourceInfo, type Visited} from '../resource/builder.js'
import {waitUntil} from '../resource/wait.js'
import {parseDuration} from '../duration-flag.js'
import {parseCascade} from '../flags.js'
import {BatchOutput, inBatches} from './batches.js'
import {confirmDeletion} from './delete-confirm.js'
import type {DeleteFlags} from './delete-flags.js'
import type {Sinks} from './sinks.js'

/** What Complete works out from the flags (kubectl's DeleteOptions beyond the flags themselves). */
export interface DeleteOptions {
  /** -1 = not sent */
  grace: number
  cascade: PropagationPolicy
  timeoutMs: number
  ignoreNotFound: boolean
}

/**
 * kubectl's order: flag parsing (--timeout), the delete flags (--cascade), Complete (--now, the resource
 * builder's --all check), then Validate. All before the cluster is opened.
 */
export function completeDelete(flags: DeleteFlags, sinks: Sinks): DeleteOptions {
  const timeoutMs = parseDuration(flags.timeout, 'timeout')
  const cascade = parseCascade(flags.cascade, sinks.err)
  let grace = flags['grace-period']
  if (flags.now) {
    if (grace !== -1) throw new CliError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !flags.force) grace = 1
  if (flags.force && grace < 0) grace = 0
  if (flags.all && (flags.selector || flags['field-selector'])) throw new CliError("setting 'all' parameter but found a non empty selector. ")
  if (flags.output && flags.output !== 'name') throw new CliError(`unexpected -o output mode: ${flags.output}. We only support '-o name'`)
  if (grace > 0 && flags.force) throw new CliError('--force and --grace-period greater than 0 cannot be specified together')
  if (grace === 0 && flags.force) {
    sinks.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.')
  }
  return {
    grace,
    cascade,
    timeoutMs: timeoutMs === 0 ? 168 * 3600 * 1000 : timeoutMs,
    ignoreNotFound: flags['ignore-not-found'] ?? (flags.all || Boolean(flags.selector) || Boolean(flags['field-selector'])),
  }
}

/** Works out which objects the arguments name (a file that cannot be read is an error in the visit). */
async function resolveVictims(api: Api, target: Target, args: string[], flags: DeleteFlags, stdin?: () => string): Promise<Visited[]> {
  if ((flags.filename ?? []).length > 0 && args.length > 0) throw new CliError('Unexpected args: ' + JSON.stringify(args).replaceAll('"', '').replaceAll(',', ' '), true)
  const {visited} = await loadResources(api, {
    ...selectionOfFlags(target.namespace, args, flags),
    requireNames: true,
    missing: new CliError(MISSING_RESOURCE, true),
    ...(stdin ? {stdin} : {}),
  })
  return visited
}

/** Deletes what the arguments and flags name (`-f -` read through `stdin` when given); returns the errors to print. */
export async function runDelete(
  api: Api,
  target: Target,
  args: string[],
  flags: DeleteFlags & {namespace?: string},
  o: DeleteOptions,
  sinks: Sinks,
  stdin?: () => string,
): Promise<string[]> {
  const errors: string[] = []
  const visited = await resolveVictims(api, target, args, flags, stdin)
  if (flags.interactive) {
    const asked = askFirst(visited, o, sinks)
    if (asked !== undefined) return asked
  }
  const gone: {rt: ResourceType; namespace: string; name: string; uid: string}[] = []
  let found = 0
  // kubectl's enforceNamespace: only the -n flag, not the context's namespace
  let warnClusterScope = Boolean(flags.namespace) && !flags['all-namespaces']
  const output = new BatchOutput(sinks)
  const checkpoint = () => {
    const marks = {errors: errors.length, gone: gone.length, found, warnClusterScope}
    return () => {
      errors.length = marks.errors
      gone.length = marks.gone
      ;({found, warnClusterScope} = marks)
    }
  }
  const batch = flags['dry-run'] === 'client' ? undefined : <R>(fn: () => R): R => api.transaction(fn)
  inBatches(visited, batch, output, ({info: v, error}) => {
    if (!v) {
      errors.push(errorText(error))
      return
    }
    // kubectl counts every object named (a file's, an argument's) as found, even one --ignore-not-found skips
    found++
    try {
      const obj = api.get(v.rt, v.namespace, v.name)
      if (warnClusterScope && !v.rt.namespaced) {
        output.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace')
        warnClusterScope = false
      }
      if (flags['dry-run'] !== 'client') {
        const r = api.delete(v.rt, v.namespace, v.name, {
          gracePeriodSeconds: o.grace >= 0 ? o.grace : undefined,
          propagationPolicy: o.cascade,
          dryRun: flags['dry-run'] === 'server',
        })
        if (!r.removed) gone.push({rt: v.rt, namespace: v.namespace, name: v.name, uid: obj.metadata.uid ?? ''})
      }
      output.out(successLine(v, flags, o))
    } catch (error) {
      if (o.ignoreNotFound && isStatusError(error, 'NotFound')) return
      errors.push(errorText(withSource(error, 'deleting', v.source)))
    }
  }, checkpoint)
  if (found === 0 && errors.length === 0) sinks.out('No resources found\n')
  if (flags.wait && flags['dry-run'] === 'none' && gone.length > 0) {
    // gone, or replaced by a new object of the same name (another uid)
    const left = await waitUntil(api, gone, (i) => api.peek(i.rt.kind, i.namespace, i.name)?.metadata.uid !== i.uid, {timeoutMs: o.timeoutMs, kinds: [...new Set(gone.map((g) => g.rt.kind))]})
    for (const l of left) errors.push(`error: timed out waiting for the condition on ${l.rt.group ? `${l.rt.plural}.${l.rt.group}` : l.rt.plural}/${l.name}`)
  }
  return errors
}

/**
 * --interactive: the objects found are listed and the deletion goes ahead only on a yes. kubectl's preview
 * fails on an error other than NotFound; undefined means go on and delete.
 */
function askFirst(visited: Visited[], o: DeleteOptions, sinks: Sinks): string[] | undefined {
  const failed = visited.filter((v) => v.error !== undefined && !isStatusError(v.error, 'NotFound'))
  if (failed.length > 0) return failed.map((v) => errorText(v.error))
  const infos = visited.flatMap((v) => (v.info ? [v.info] : []))
  if (infos.length === 0 && visited.length === 0) {
    sinks.out('No resources found\n')
    return []
  }
  if (infos.length === 0) return undefined
  if (confirmDeletion(infos, sinks.out)) return undefined
  sinks.out('deletion is cancelled\n')
  return []
}

function successLine(v: ResourceInfo, flags: DeleteFlags, o: DeleteOptions): string {
  const kind = nameKind(v.rt)
  if (flags.output === 'name') return `${kind}/${v.name}\n`
  // delete.go PrintObj: the namespace, then the dry-run mark
  const where = v.rt.namespaced ? ` from ${v.namespace} namespace` : ''
  return `${kind} "${v.name}" ${o.grace === 0 ? 'force deleted' : 'deleted'}${where}${dryRunSuffix(flags['dry-run'])}\n`
}
