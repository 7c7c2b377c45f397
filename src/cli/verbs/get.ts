// `get`: resolve the arguments, fetch in one snapshot, print in the chosen format, report per-name
// errors after the output, then optionally watch.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {aggregatedErrorText, errorText} from '../errors.js'
import {parseOutputFormat} from '../print/output-format.js'
import {renderGroups} from '../print/render-groups.js'
import {loadResources, selectionOfFlags, type InfoGroup} from '../resource/builder.js'
import {CliError} from '../errors.js'
import {colorFor} from '../print/color.js'
import type {GetFlags} from './get-flags.js'
import type {Sinks} from './sinks.js'
import {GoTemplateError, parseGoTemplate} from '../../printers/go-template.js'
import {PrinterError} from '../../printers/printer-error.js'

/** The sinks of `get`: `report` prints errors now and fails the command (the base command's reportErrors). */
export interface GetSinks extends Sinks {
  report(lines: readonly string[]): void
}

/** kubectl's Validate: something must name what to get (the hint, then a usage error naming `bin`). */
export function validateGet(args: string[], flags: GetFlags, sinks: Sinks, bin: string): void {
  if (args.length === 0 && !flags.filename) {
    // kubectl prints the hint on its own, then a usage error (naming `explain` only where it exists)
    sinks.err(`You must specify the type of resource to get. Use "${bin} api-resources" for a complete list of supported resources.\n\n`)
    throw new CliError('Required resource not specified.', true)
  }
}

/** Runs get; returns the errors to print after the output (a watch prints them before it watches, through `report`). */
export async function runGet(api: Api, target: Target, args: string[], flags: GetFlags, sinks: GetSinks): Promise<string[]> {
  const format = parseOutputFormat(flags.output, flags.template)
  // kubectl builds its printer (and so parses the template) before it asks the server for anything
  if (format.kind === 'go-template') goTemplateOrError(format.template)
  const {groups, errors, typeCount, singleItem: singleObject, revision} = await loadResources(api, {
    ...selectionOfFlags(target.namespace, args, flags),
    namesNeedNamespace: true,
    latest: true,
    ignoreNotFound: flags['ignore-not-found'],
  })
  // what a watch follows: the names (from the arguments or the files) of the one type asked for
  const watchNames = groups.flatMap((g) => g.names ?? [])

  const watching = flags.watch || flags['watch-only']
  const fromFiles = (flags.filename ?? []).length > 0
  // the builder's SingleResourceType refuses several types named in the arguments (`all` among them)
  if (watching && !fromFiles && typeCount > 1) throw new CliError('you may only specify a single resource type')
  // objects from files print first; cli-runtime's Result.Watch then watches one object only
  const fileObjects = groups.reduce((n, g) => n + g.objects.length, 0)
  const watchRefused = watching && fromFiles && fileObjects > 1
  const merged = flags['watch-only'] ? [] : mergeGroups(groups)
  const total = merged.reduce((n, g) => n + g.objects.length, 0)
  // kubectl's printGeneric: a single object asked for by name that is missing prints nothing at all
  // in yaml/json/name/template/custom-columns, only its error (several names print a List first)
  if (singleObject && errors.length > 0 && format.kind !== 'table' && !watching) return errors.map((e) => errorText(e))
  const color = colorFor(process.stdout)
  const text = renderOrFail(merged, format, {
    now: api.clock.now(),
    withNamespace: flags['all-namespaces'],
    withKind: typeCount > 1 || flags['show-kind'],
    noHeaders: flags['no-headers'],
    showLabels: flags['show-labels'],
    labelColumns: (flags['label-columns'] ?? []).flatMap((l) => l.split(',')).filter((l) => l.length > 0),
    sortBy: flags['sort-by'],
    color,
    singleObject: singleObject && total === 1 && errors.length === 0 && !watching,
    eventOf: flags['output-watch-events'] && watching ? () => 'ADDED' : undefined,
    showManagedFields: flags['show-managed-fields'],
  }, sinks.out)
  sinks.out(text)
  if (watchRefused) {
    return [...errors, new CliError(`watch is only supported on individual resources and resource collections - ${fileObjects} resources were found`)].map((e) => errorText(e))
  }
  if (watching && groups.length > 0) {
    // the errors come before the watch, which may never end
    sinks.report(errors.map((e) => errorText(e)))
    // an empty list watched prints nothing at all, not even "No resources found" (kubectl 1.35 get.go watch())
    const {watchLoop} = await import('./get-watch.js')
    await watchLoop(api, target, flags, {rt: groups[0].rt, names: watchNames, revision, empty: total === 0}, format, sinks.out)
    return []
  }
  // only the human-readable printers (default and wide) say so: custom-columns, like -o name|json|yaml|
  // jsonpath, prints the empty list as it is (its header alone)
  if (total === 0 && errors.length === 0 && format.kind === 'table' && !flags['ignore-not-found']) {
    const listed = groups.some((g) => g.listed)
    if (listed) sinks.err(flags['all-namespaces'] ? 'No resources found' : `No resources found in ${target.namespace} namespace.`)
  }
  // the human-readable printers' errors go through an aggregate (get.go Run), as do the others' when
  // there are several (printGeneric reduces one to itself)
  return errors.map((e) => (format.kind === 'table' || errors.length > 1 ? aggregatedErrorText(e) : errorText(e)))
}

function goTemplateOrError(text: string): void {
  try {
    parseGoTemplate(text)
  } catch (e) {
    if (e instanceof GoTemplateError) throw new CliError(e.message)
    throw e
  }
}

/** A failing printer writes what kubectl had printed before its error (a go-template's debugging text, a custom-columns header). */
function renderOrFail(groups: InfoGroup[], format: ReturnType<typeof parseOutputFormat>, opts: Parameters<typeof renderGroups>[2], out: (s: string) => void): string {
  try {
    return renderGroups(groups, format, opts)
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e
    out(e.output)
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
