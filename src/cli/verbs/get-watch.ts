// `get -w` / `--watch-only`: after the list, one output per change, read through Api.watch from the
// revision the list was read at, so no change is missed or printed twice. Each table row is
// flushed on its own, as kubectl's tabwriter is, so its columns are padded to its own cells.
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Change} from '../../store/backend.js'
import type {OutputFormat} from '../print/output-format.js'

import {nameKind} from '../../printers/name.js'
import {selectorFilter} from '../../api/list-filter.js'
import {executeGoTemplate, parseGoTemplate} from '../../printers/go-template.js'
import {execute as executeJsonPath, parseJsonPath} from '../../printers/jsonpath.js'
import {printJson} from '../../printers/json.js'
import {renderTable} from '../../printers/table/index.js'
import {printYaml} from '../../printers/yaml.js'
import {isStoreError} from '../../store/errors.js'
import {omitManagedFields} from '../print/objects.js'

export interface WatchRun {
  rt: ResourceType
  /** undefined = all namespaces */
  namespace: string | undefined
  names: string[]
  labelSelector?: string
  fieldSelector?: string
  format: OutputFormat
  outputWatchEvents: boolean
  /** print the table header before the first row (watch-only, or when the list printed nothing) */
  needHeader: boolean
  withNamespace: boolean
  color: boolean
  showManagedFields?: boolean
  out(text: string): void
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** How often the watch reads the change log (an idle read is one change-stamp query). */
const WATCH_POLL_MS = 20

/** Renders one watch event in the chosen format. */
export function renderWatchEvent(api: Api, run: WatchRun, type: EventType, obj: KObject, header: boolean): string {
  const f = run.format
  switch (f.kind) {
    case 'table':
      return renderTable([obj], {
        now: api.clock.now(),
        wide: f.wide,
        noHeaders: !header,
        withNamespace: run.withNamespace,
        color: run.color,
        eventOf: run.outputWatchEvents ? () => type : undefined,
      })
    case 'name':
      return `${nameKind(run.rt)}/${obj.metadata.name}\n`
    case 'json':
    case 'yaml': {
      const shown = run.showManagedFields ? obj : omitManagedFields(obj)
      const data = run.outputWatchEvents ? {type, object: shown} : shown
      return f.kind === 'json' ? printJson(data) : `---\n${printYaml(data)}`
    }
    case 'jsonpath':
      return executeJsonPath(parseJsonPath(f.template), run.outputWatchEvents ? {type, object: obj} : obj, {allowMissingKeys: true, outputJson: f.asJson})
    case 'go-template':
      return executeGoTemplate(parseGoTemplate(f.template), run.outputWatchEvents ? {type, object: obj} : obj)
    default:
      return `${nameKind(run.rt)}/${obj.metadata.name}\n`
  }
}

/** Watches until the process is stopped (Ctrl-C and SIGTERM: exit status 1; a closed pipe) or the store says the log was compacted. */
export function watchLoop(api: Api, run: WatchRun, fromRevision: number): Promise<void> {
  const filter = selectorFilter(run.rt, run.labelSelector, run.fieldSelector)
  const feed = api.watch(fromRevision, {kinds: [run.rt.kind]})
  let header = run.needHeader
  const print = (c: Change<KObject>): void => {
    const obj = {...c.value, metadata: {...c.value.metadata, resourceVersion: String(c.rev)}}
    if (run.namespace !== undefined && run.rt.namespaced && c.namespace !== run.namespace) return
    if (run.names.length > 0 && !run.names.includes(c.name)) return
    if (!filter(obj)) return
    run.out(renderWatchEvent(api, run, c.type, obj, header))
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
