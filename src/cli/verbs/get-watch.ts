// `get -w` / `--watch-only`: after the list, one output per change, read through Api.watch from the
// revision the list was read at, so no change is missed or printed twice. Each table row is
// flushed on its own, as kubectl's tabwriter is, so its columns are padded to its own cells.
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Change} from '../../store/backend.js'
import type {Target} from '../../cluster/clusters.js'
import type {OutputFormat} from '../print/output-format.js'
import type {GetFlags} from './get-flags.js'

import {nameKind} from '../../printers/name.js'
import {selectorFilter} from '../../api/list-filter.js'
import {executeGoTemplate, parseGoTemplate} from '../../printers/go-template.js'
import {execute as executeJsonPath, parseJsonPath} from '../../printers/jsonpath.js'
import {printJson} from '../../printers/json.js'
import {renderTable, tableHandlerFor} from '../../printers/table/index.js'
import {printYaml} from '../../printers/yaml.js'
import {isStoreError} from '../../store/errors.js'
import {colorFor} from '../print/color.js'
import {omitManagedFields} from '../print/objects.js'

/** What the list found for the watch to follow. */
export interface WatchStart {
  rt: ResourceType
  /** the names asked for (none: every object of the type) */
  names: string[]
  /** the revision the list was read at: the watch prints every change after it */
  revision: number
  /** the list printed nothing: a table's header comes with the first event */
  empty: boolean
}

/** How each event prints: the -o format and get's flags that shape it. */
interface EventView {
  rt: ResourceType
  format: OutputFormat
  flags: GetFlags
  color: boolean
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** How often the watch reads the change log (an idle read is one change-stamp query). */
const WATCH_POLL_MS = 20

/** Renders one watch event in the chosen format. */
function renderWatchEvent(api: Api, view: EventView, type: EventType, obj: KObject, header: boolean): string {
  const {format: f, flags, rt} = view
  const events = flags['output-watch-events']
  switch (f.kind) {
    case 'table':
      return renderTable([obj], {
        now: api.clock.now(),
        wide: f.wide,
        noHeaders: !header,
        withNamespace: flags['all-namespaces'],
        color: view.color,
        eventOf: events ? () => type : undefined,
        handler: tableHandlerFor(rt),
      })
    case 'name':
      return `${nameKind(rt)}/${obj.metadata.name}\n`
    case 'json':
    case 'yaml': {
      const shown = flags['show-managed-fields'] ? obj : omitManagedFields(obj)
      const data = events ? {type, object: shown} : shown
      return f.kind === 'json' ? printJson(data) : `---\n${printYaml(data)}`
    }
    case 'jsonpath':
      return executeJsonPath(parseJsonPath(f.template), events ? {type, object: obj} : obj, {allowMissingKeys: true, outputJson: f.asJson})
    case 'go-template':
      return executeGoTemplate(parseGoTemplate(f.template), events ? {type, object: obj} : obj)
    default:
      return `${nameKind(rt)}/${obj.metadata.name}\n`
  }
}

/** Watches until the process is stopped (Ctrl-C and SIGTERM: exit status 1; a closed pipe) or the store says the log was compacted. */
export function watchLoop(api: Api, target: Target, flags: GetFlags, start: WatchStart, format: OutputFormat, out: (text: string) => void): Promise<void> {
  const {rt, names} = start
  const filter = selectorFilter(rt, flags.selector, flags['field-selector'])
  const feed = api.watch(start.revision, {kinds: [rt.kind]})
  const namespace = flags['all-namespaces'] ? undefined : target.namespace
  const view: EventView = {rt, format, flags, color: colorFor(process.stdout)}
  let header = start.empty && !flags['no-headers']
  const print = (c: Change<KObject>): void => {
    const obj = {...c.value, metadata: {...c.value.metadata, resourceVersion: String(c.rev)}}
    if (namespace !== undefined && rt.namespaced && c.namespace !== namespace) return
    if (names.length > 0 && !names.includes(c.name)) return
    if (!filter(obj)) return
    out(renderWatchEvent(api, view, c.type, obj, header))
    header = false
  }
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    let stopped = false
    const stop = () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
    }
    const poll = () => {
      try {
        const batch = feed.next()
        if (batch.compaction) throw batch.compaction
        for (const c of batch.changes) print(c)
      } catch (error) {
        // a writer held the state file: read again at the next poll
        if (!isStoreError(error, 'Locked')) {
          stop()
          reject(error)
          return
        }
      }
      if (!stopped) timer = setTimeout(poll, WATCH_POLL_MS)
    }
    timer = setTimeout(poll, 0)
    const end = () => {
      stop()
      // kubectl's watch runs under its interrupt handler, whose default final action is os.Exit(1):
      // ^C (or SIGTERM) ends `kubectl get -w` quietly with exit status 1 (checked against kubectl 1.35.2)
      process.exitCode = 1
      resolve()
    }
    process.once('SIGINT', end)
    process.once('SIGTERM', end)
  })
}
