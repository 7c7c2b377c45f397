// `events -w` (kubectl's runWatch): a watch without a resourceVersion, so first every stored event as the
// server sends it (store order, not sorted), then each event added or changed as it happens; deleted ones
// are not printed. Lines go through one tabwriter that remembers its column widths (cli-runtime's
// RememberWidths): later lines are padded to at least the widths of earlier ones. It ends on ^C or
// SIGTERM (exit status 1, kubectl's interrupt handler) or, quietly, when --request-timeout runs out.
import type {Api} from '../../api/server.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {mustLookupResource} from '../../api/registry.js'
import {selectorFilter} from '../../api/list-filter.js'
import {visibleWidth} from '../../printers/tabwriter.js'
import {isStoreError} from '../../store/errors.js'
import {printEventJson} from '../../printers/event-json.js'
import {omitManagedFields} from '../print/objects.js'
import {printerFor, printOptionsOf} from '../print/print-flags.js'
import {eventHeading, eventLine, eventsQuery, typeWanted, type EventsFlags} from './events.js'
import type {Sinks} from './sinks.js'

const WATCH_POLL_MS = 20
const MIN_WIDTH = 6
const PADDING = 3

/** A tabwriter with RememberWidths: each flush aligns its lines to the widest cells seen so far. */
export class RememberingTabs {
  #widths: number[] = []

  /** The tab-separated `lines`, laid out as one flush (the last cell of a line is not padded). */
  flush(lines: string[]): string {
    const rows = lines.map((l) => l.split('\t'))
    for (const row of rows) {
      row.slice(0, -1).forEach((cell, i) => {
        this.#widths[i] = Math.max(this.#widths[i] ?? MIN_WIDTH, visibleWidth(cell) + PADDING)
      })
    }
    return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell + ' '.repeat(this.#widths[i]! - visibleWidth(cell)) : cell)).join('') + '\n').join('')
  }
}

/** Prints the events and then their changes until stopped; `requestTimeoutMs` (0: none) ends the watch. */
export function watchEvents(api: Api, target: Target, flags: EventsFlags, sinks: Sinks, requestTimeoutMs: number): Promise<void> {
  const query = eventsQuery(flags, target)
  const rt = mustLookupResource('events')
  const filter = selectorFilter(rt, undefined, query.fieldSelector)
  const tabs = new RememberingTabs()
  let header = !flags['no-headers']
  const printer = flags.output ? printerFor(flags.output, printOptionsOf(flags)) : undefined
  const print = (ev: KObject): void => {
    const e = ev as ObjectOf<'Event'>
    if (!typeWanted(query, e.type)) return
    if (printer) {
      const obj = {...(flags['show-managed-fields'] ? e : omitManagedFields(e)), apiVersion: 'v1', kind: 'Event'} as KObject
      sinks.out(flags.output === 'json' ? printEventJson(obj) : printer.print(obj))
      return
    }
    const line = eventLine(e, flags['all-namespaces'], api.clock.now())
    sinks.out(tabs.flush(header ? [eventHeading(flags['all-namespaces']), line] : [line]))
    header = false
  }
  const listed = api.list(rt, query.namespace, query.fieldSelector ? {fieldSelector: query.fieldSelector} : {})
  for (const ev of listed.items) print(ev)
  const feed = api.watch(Number(listed.metadata.resourceVersion), {kinds: [rt.kind]})
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    let stopped = false
    const finish = (code?: number) => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      if (deadline !== undefined) clearTimeout(deadline)
      if (code !== undefined) process.exitCode = code
      resolve()
    }
    const poll = () => {
      try {
        const batch = feed.next()
        if (batch.compaction) throw batch.compaction
        for (const c of batch.changes) {
          if (c.type === 'DELETED' || (query.namespace !== undefined && c.namespace !== query.namespace)) continue
          const obj = {...c.value, metadata: {...c.value.metadata, resourceVersion: String(c.rev)}} as KObject
          if (filter(obj)) print(obj)
        }
      } catch (error) {
        if (!isStoreError(error, 'Locked')) {
          stopped = true
          reject(error)
          return
        }
      }
      if (!stopped) timer = setTimeout(poll, WATCH_POLL_MS)
    }
    const deadline = requestTimeoutMs > 0 ? setTimeout(() => finish(), requestTimeoutMs) : undefined
    timer = setTimeout(poll, 0)
    process.once('SIGINT', () => finish(1))
    process.once('SIGTERM', () => finish(1))
  })
}
