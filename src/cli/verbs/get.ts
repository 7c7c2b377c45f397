// `get`: resolve the arguments, fetch in one snapshot, print in the chosen format, report per-name
// errors after the output, then optionally watch.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {ResourceType} from '../../api/registry.js'
import type {Target} from '../../cluster/clusters.js'

import {errorText} from '../errors.js'
import {type OutputFormat, parseOutputFormat} from '../print/output-format.js'
import {renderGroups} from '../print/render-groups.js'
import {loadResources, selectionOf, type InfoGroup} from '../resource/builder.js'
import {CliError} from '../errors.js'
import {GoTemplateError, parseGoTemplate} from '../../printers/go-template.js'

export interface GetRun {
  args: string[]
  files: string[]
  recursive: boolean
  allNamespaces: boolean
  selector?: string
  fieldSelector?: string
  ignoreNotFound: boolean
  output?: string
  template?: string
  noHeaders: boolean
  showLabels: boolean
  showKind: boolean
  labelColumns: string[]
  sortBy?: string
  watch: boolean
  watchOnly: boolean
  outputWatchEvents: boolean
  color: boolean
  showManagedFields?: boolean
  out(text: string): void
  err(line: string): void
  /** prints errors now and fails the command (the base command's reportErrors) */
  report(lines: readonly string[]): void
}

/** Runs get; returns the errors to print after the output (a watch prints them before it watches, through `report`). */
export async function runGet(api: Api, target: Target, run: GetRun): Promise<string[]> {
  const format = parseOutputFormat(run.output, run.template)
  // kubectl builds its printer (and so parses the template) before it asks the server for anything
  if (format.kind === 'go-template') goTemplateOrError(format.template)
  const {groups, errors, typeCount, singleItem: singleObject, revision} = await loadResources(api, {
    ...selectionOf(target.namespace, run),
    namesNeedNamespace: true,
    latest: true,
    ignoreNotFound: run.ignoreNotFound,
  })
  // what a watch follows: the types asked for, and the names (from the arguments or the files)
  const watchTypes = new Set(groups.map((g) => g.rt))
  const watchNames = groups.flatMap((g) => g.names ?? [])

  const watching = run.watch || run.watchOnly
  if (watching && watchTypes.size > 1) {
    throw new CliError(`watch is only supported on individual resources and resource collections, but ${watchTypes.size} resources were found`)
  }
  const merged = run.watchOnly ? [] : mergeGroups(groups)
  const total = merged.reduce((n, g) => n + g.objects.length, 0)
  // kubectl's printGeneric: a single object asked for by name that is missing prints nothing at all
  // in yaml/json/name/template/custom-columns, only its error (several names print a List first)
  if (singleObject && errors.length > 0 && format.kind !== 'table' && !watching) return errors.map((e) => errorText(e))
  const text = renderOrFail(merged, format, {
    now: api.clock.now(),
    withNamespace: run.allNamespaces,
    withKind: typeCount > 1 || run.showKind,
    noHeaders: run.noHeaders,
    showLabels: run.showLabels,
    labelColumns: run.labelColumns,
    sortBy: run.sortBy,
    color: run.color,
    singleObject: singleObject && total === 1 && errors.length === 0 && !watching,
    eventOf: run.outputWatchEvents && watching ? () => 'ADDED' : undefined,
    showManagedFields: run.showManagedFields,
  }, run.out)
  run.out(text)
  if (watching && groups.length > 0) {
    // the errors come before the watch, which may never end
    run.report(errors.map((e) => errorText(e)))
    await watch(api, target, run, {format, rt: groups[0].rt, names: watchNames, empty: total === 0, revision})
    return []
  }
  // only the human-readable printers (default and wide) say so: custom-columns, like -o name|json|yaml|
  // jsonpath, prints the empty list as it is (its header alone)
  if (total === 0 && errors.length === 0 && format.kind === 'table' && !run.ignoreNotFound) {
    const listed = groups.some((g) => g.listed)
    if (listed) run.err(run.allNamespaces ? 'No resources found' : `No resources found in ${target.namespace} namespace.`)
  }
  return errors.map((e) => errorText(e))
}

/** `--watch`: an empty list watched prints nothing at all, not even "No resources found" (kubectl 1.35 get.go watch()). */
async function watch(api: Api, target: Target, run: GetRun, w: {format: OutputFormat; rt: ResourceType; names: string[]; empty: boolean; revision: number}): Promise<void> {
  const {watchLoop} = await import('./get-watch.js')
  await watchLoop(api, {
    rt: w.rt,
    namespace: run.allNamespaces ? undefined : target.namespace,
    names: w.names,
    labelSelector: run.selector,
    fieldSelector: run.fieldSelector,
    format: w.format,
    outputWatchEvents: run.outputWatchEvents,
    needHeader: w.empty && !run.noHeaders,
    withNamespace: run.allNamespaces,
    color: run.color,
    showManagedFields: run.showManagedFields,
    out: run.out,
  }, w.revision)
}

function goTemplateOrError(text: string): void {
  try {
    parseGoTemplate(text)
  } catch (e) {
    if (e instanceof GoTemplateError) throw new CliError(e.message)
    throw e
  }
}

/** A failing go-template writes kubectl's debugging text to stdout before its error. */
function renderOrFail(groups: InfoGroup[], format: ReturnType<typeof parseOutputFormat>, opts: Parameters<typeof renderGroups>[2], out: (s: string) => void): string {
  try {
    return renderGroups(groups, format, opts)
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e
    out(e.stdout)
    throw new CliError(e.message)
  }
}

/** Several requests for the same type (e.g. from -f) print as one table. */
function mergeGroups(groups: InfoGroup[]): InfoGroup[] {
  const out: InfoGroup[] = []
  for (const g of groups) {
    const prev = out.at(-1)
    if (prev && prev.rt === g.rt) prev.objects = [...prev.objects, ...g.objects]
    else out.push({...g, objects: [...g.objects]})
  }
  return out
}

export type {KObject}
