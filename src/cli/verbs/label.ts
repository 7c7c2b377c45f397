// `label` and `annotate`: parse `key=value` / `key-` pairs after the resources, find the objects (names,
// -l, --all, -f), change their metadata map and write it back (retrying on a conflict, as kubectl's
// merge patch never conflicts), printing kubectl's per-object line.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {dryRunSuffix, printerFor, printOptionsOf} from '../print/print-flags.js'
import {isValidLabelValue} from '../../machinery/names.js'
import {CliError, errorText, withSource} from '../errors.js'
import {selectionOfFlags, type ResourceInfo} from '../resource/builder.js'
import {resolveResources} from '../resource/files.js'
import type {LabelFlags} from './label-command.js'
import type {Sinks} from './sinks.js'

export type MetaField = 'labels' | 'annotations'

/** cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` pairs. */
export function splitResourcesAndPairs(args: string[], verb: string): {resources: string[]; pairs: string[]} {
  const resources: string[] = []
  const pairs: string[] = []
  let inPairs = false
  for (const a of args) {
    const isPair = (a.includes('=') && !a.startsWith('=')) || (a.endsWith('-') && a !== '-')
    if (isPair) {
      inPairs = true
      pairs.push(a)
    } else if (inPairs) {
      // kubectl names the first argument out of place
      throw new CliError(`all resources must be specified before ${verb} changes: ${a}`)
    } else {
      resources.push(a)
    }
  }
  return {resources, pairs}
}

/** parseLabels / parseAnnotations: the keys to set and the keys to remove. */
export function parsePairs(pairs: string[], field: MetaField): {set: Record<string, string>; remove: string[]} {
  const set: Record<string, string> = {}
  const remove: string[] = []
  const what = field === 'labels' ? 'label' : 'annotation'
  for (const p of pairs) {
    if (p.includes('=')) {
      const i = p.indexOf('=')
      const [k, v] = field === 'labels' ? p.split('=') : [p.slice(0, i), p.slice(i + 1)]
      if (field === 'labels' && p.split('=').length !== 2) throw new CliError(`invalid label spec: ${p}`)
      if (field === 'labels') {
        const errs = isValidLabelValue(v)
        if (errs.length > 0) throw new CliError(`invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}`)
      }
      if (k === '') throw new CliError(`invalid ${what} format: ${p}`)
      set[k] = v
    } else if (p.endsWith('-')) {
      remove.push(p.slice(0, -1))
    } else {
      throw new CliError(`unknown ${what} spec: ${p}`)
    }
  }
  for (const r of remove) {
    if (r in set) throw new CliError(`can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`)
  }
  return {set, remove}
}

function victims(api: Api, target: Target, flags: LabelFlags, resources: string[]): ResourceInfo[] {
  return resolveResources(api, {
    ...selectionOfFlags(target.namespace, resources, flags),
    requireNames: true,
    continueOnError: false,
  }).infos
}

/** Runs label/annotate; returns false when any object failed. */
export function runLabel(api: Api, target: Target, field: MetaField, args: string[], flags: LabelFlags, sinks: Sinks): string[] {
  // kubectl's GetResourcesAndPairs(args, "label" | "annotation")
  const {resources, pairs} = splitResourcesAndPairs(args, field === 'labels' ? 'label' : 'annotation')
  if (flags.all && flags.selector) throw new CliError('cannot set --all and --selector at the same time')
  if (resources.length === 0 && (flags.filename ?? []).length === 0) throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  const {set, remove} = parsePairs(pairs, field)
  if (Object.keys(set).length === 0 && remove.length === 0 && !flags.list) {
    throw new CliError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`)
  }
  const targets = victims(api, target, flags, resources)
  if (flags['resource-version'] && targets.length !== 1) throw new CliError('--resource-version may only be used with a single resource')
  const errors: string[] = []
  for (const v of targets) {
    try {
      const before = api.get(v.rt, v.namespace, v.name)
      if (flags.list) {
        const m = (before.metadata[field] ?? {}) as Record<string, string>
        sinks.out(Object.keys(m).sort().map((k) => `${k}=${m[k]}\n`).join(''))
        continue
      }
      const current = (before.metadata[field] ?? {}) as Record<string, string>
      if (!flags.overwrite) {
        const clashes = Object.keys(set).filter((k) => k in current)
        if (clashes.length > 0) {
          const parts = clashes.map((k) => `'${k}' already has a value (${current[k]})`)
          throw new CliError(field === 'labels' ? `${parts[0]}, and --overwrite is false` : `--overwrite is false but found the following declared annotation(s): ${parts.join('; ')}`)
        }
      }
      if (field === 'labels' && flags['dry-run'] === 'none') {
        for (const r of remove) if (!(r in current)) sinks.out(`label ${JSON.stringify(r)} not found.\n`)
      }
      const next = {...current, ...set}
      for (const r of remove) delete next[r]
      const changed = JSON.stringify(sortedEntries(next)) !== JSON.stringify(sortedEntries(current))
      // what -o prints: the server's answer, or the object changed here for --dry-run=client
      let result = before
      if (changed && flags['dry-run'] === 'client') {
        result = structuredClone(before)
        result.metadata = {...result.metadata, [field]: Object.keys(next).length > 0 ? next : undefined}
      }
      if (changed && flags['dry-run'] !== 'client') {
        const write = (o: KObject) => {
          if (flags['resource-version']) o.metadata.resourceVersion = flags['resource-version']
          const m = {...((o.metadata[field] ?? {}) as Record<string, string>), ...set}
          for (const r of remove) delete m[r]
          o.metadata = {...o.metadata, [field]: Object.keys(m).length > 0 ? m : undefined}
        }
        if (flags['resource-version']) {
          const o = structuredClone(before)
          write(o)
          result = api.update(o, {dryRun: flags['dry-run'] === 'server'})
        } else {
          result = api.modify(v.rt, v.namespace, v.name, write, {dryRun: flags['dry-run'] === 'server'})
        }
      }
      const operation = message(field, flags, changed, Object.keys(next).length < Object.keys(current).length)
      if (flags.output || flags.template) sinks.out(printerFor(flags.output, printOptionsOf(flags)).print(result))
      else sinks.out(`${nameKind(v.rt)}/${v.name} ${operation}\n`)
    } catch (error) {
      if (isStatusError(error) || error instanceof CliError) errors.push(errorText(withSource(error, 'patching', v.source)))
      else throw error
    }
  }
  return errors
}

function sortedEntries(m: Record<string, string>): [string, string][] {
  return Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

function message(field: MetaField, flags: LabelFlags, changed: boolean, shrank: boolean): string {
  const base = field === 'labels' ? (changed ? (!flags.overwrite && shrank ? 'unlabeled' : 'labeled') : 'not labeled') : 'annotated'
  return `${base}${dryRunSuffix(flags['dry-run'])}`
}
