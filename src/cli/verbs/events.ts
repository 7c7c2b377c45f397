// `events` (kubectl's cmd/events): the namespace's events (or every namespace's), optionally only those
// about one object (--for TYPE/NAME, matched on involvedObject kind, apiVersion and name) and of some
// types (--types), oldest first, in kubectl's own table (LAST SEEN TYPE REASON OBJECT MESSAGE) or an -o
// format of the whole EventList.
import type {Api} from '../../api/server.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {lookupResource, mustLookupResource} from '../../api/registry.js'
import {printEventListJson} from '../../printers/event-json.js'
import {escapeTerminal} from '../../printers/escape.js'
import {goSort} from '../../printers/go-sort.js'
import {alignTabs, TABLE_TABWRITER} from '../../printers/tabwriter.js'
import {parseTime, since} from '../../printers/timestamps.js'
import {CliError, PlainError} from '../errors.js'
import {omitManagedFields} from '../print/objects.js'
import {printerFor, printOptionsOf, type PrintFlagValues} from '../print/print-flags.js'
import type {Sinks} from './sinks.js'

export interface EventsFlags extends PrintFlagValues {
  'all-namespaces': boolean
  for?: string
  types?: string[]
  'no-headers': boolean
  output?: string
}

/** What the flags ask for, worked out before anything is listed (kubectl's ToOptions and Validate). */
export interface EventsQuery {
  namespace: string | undefined
  fieldSelector?: string
  types: string[]
}

/** decodeResourceTypeName: `--for TYPE/NAME` to the kind, group/version and name to match. */
function forSelector(text: string): string {
  if (!text.includes('/')) throw new CliError('--for must be in resource/name form')
  const parts = text.split('/')
  if (parts.length !== 2) throw new CliError('arguments in resource/name form may not have more than one slash')
  const type = parts[0]!.toLowerCase()
  const rt = lookupResource(type)
  if (!rt) {
    // CheckErr's words for the RESTMapper's NoResourceMatchError (no `error:` prefix); TYPE.REST is a group
    const dot = type.indexOf('.')
    throw new PlainError(dot < 0 ? `the server doesn't have a resource type "${type}"` : `the server doesn't have a resource type "${type.slice(0, dot)}" in group "${type.slice(dot + 1)}"`)
  }
  const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version
  return `involvedObject.kind=${rt.kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${parts[1]}`
}

/** The flags as kubectl's ToOptions and Validate read them. */
export function eventsQuery(flags: EventsFlags, target: Target): EventsQuery {
  const fieldSelector = flags.for ? forSelector(flags.for) : undefined
  const types = [...new Set(flags.types ?? [])].sort()
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new CliError('valid --types are Normal or Warning')
  return {namespace: flags['all-namespaces'] ? undefined : target.namespace, ...(fieldSelector ? {fieldSelector} : {}), types}
}

type Event = ObjectOf<'Event'>

/** Whether --types lets the event through (any case; no --types lets every event through). */
export function typeWanted(query: EventsQuery, type: string | undefined): boolean {
  return query.types.length === 0 || query.types.some((t) => t.toLowerCase() === (type ?? '').toLowerCase())
}

/** eventTime(): the series' last observation, else lastTimestamp, else eventTime (ms; 0 for none). */
function eventTime(ev: Event): number {
  if (ev.series) return parseTime(ev.series.lastObservedTime) ?? 0
  return parseTime(ev.lastTimestamp) ?? parseTime(ev.eventTime) ?? 0
}

/** getInterval: how long ago, with `(xN over AGE)` for a series or a repeated event. */
function interval(ev: Event, now: Date): string {
  const first = ev.eventTime ? since(ev.eventTime, now) : since(ev.firstTimestamp, now)
  if (ev.series) return `${since(ev.series.lastObservedTime, now)} (x${ev.series.count ?? 0} over ${first})`
  if ((ev.count ?? 0) > 1) return `${since(ev.lastTimestamp, now)} (x${ev.count} over ${first})`
  return first
}

/** One line of kubectl's event table, tab-separated (the caller aligns the lines). */
export function eventLine(ev: Event, allNamespaces: boolean, now: Date): string {
  const inv = ev.involvedObject ?? {}
  const cells = [interval(ev, now), escapeTerminal(ev.type ?? ''), escapeTerminal(ev.reason ?? ''), `${escapeTerminal(inv.kind ?? '')}/${escapeTerminal(inv.name ?? '')}`, escapeTerminal((ev.message ?? '').trim())]
  return (allNamespaces ? [ev.metadata.namespace ?? '', ...cells] : cells).join('\t')
}

/** The table's heading line. */
export function eventHeading(allNamespaces: boolean): string {
  return `${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`
}

/** Lists, filters, sorts and prints the events; nothing found is said on stderr. */
export function runEvents(api: Api, target: Target, flags: EventsFlags, sinks: Sinks, now: Date): void {
  const query = eventsQuery(flags, target)
  // without -o the event table, even with --template (kubectl looks at the output format alone)
  const printer = flags.output ? printerFor(flags.output, printOptionsOf(flags)) : undefined
  const listed = api.list(mustLookupResource('events'), query.namespace, query.fieldSelector ? {fieldSelector: query.fieldSelector} : {})
  const events = (listed.items as Event[]).filter((e) => typeWanted(query, e.type))
  if (events.length === 0) {
    sinks.err(flags['all-namespaces'] ? 'No events found.' : `No events found in ${target.namespace} namespace.`)
    return
  }
  // sort.Sort by time (Go's pdqsort, so events of the same second end up in kubectl's order)
  const sorted = [...events]
  const times = sorted.map(eventTime)
  goSort(sorted.length, (i, j) => times[i]! < times[j]!, (i, j) => {
    ;[sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!]
    ;[times[i], times[j]] = [times[j]!, times[i]!]
  })
  if (!printer) {
    const lines = sorted.map((e) => eventLine(e, flags['all-namespaces'], now))
    if (!flags['no-headers']) lines.unshift(eventHeading(flags['all-namespaces']))
    sinks.out(alignTabs(lines.join('\n') + '\n', TABLE_TABWRITER))
    return
  }
  // kubectl's NamePrinter refuses a typed list, and the events command drops the printer's error: -o name prints nothing
  if (flags.output === 'name') return
  const items = sorted.map((e) => ({...(flags['show-managed-fields'] ? e : omitManagedFields(e)), apiVersion: 'v1', kind: 'Event'}) as KObject)
  const list = {apiVersion: 'v1', items, kind: 'EventList', metadata: {}} as unknown as KObject
  if (flags.output === 'json') {
    sinks.out(printEventListJson(list))
    return
  }
  let text = ''
  try {
    text = printer.print(list)
  } catch (error) {
    // the events command ignores what PrintObj returns: a template that fails to execute prints nothing
    if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) throw error
  }
  sinks.out(text)
}
