// Turns fetched objects into the text of one `get` output format (the printers do the formatting).
import type {InfoGroup} from '../resource/builder.js'
import type {OutputFormat} from './output-format.js'

import {nameKind} from '../../printers/name.js'
import {renderCustomColumns, parseCustomColumns, parseCustomColumnsFile} from '../../printers/custom-columns.js'
import {executeGoTemplate, parseGoTemplate} from '../../printers/go-template.js'
import {execute as executeJsonPath, parseJsonPath} from '../../printers/jsonpath.js'
import {sortObjects} from '../../printers/sort-by.js'
import {renderTable, tableHandlerFor} from '../../printers/table/index.js'
import {printJson as toJson} from '../../printers/json.js'
import {printYaml as toYaml} from '../../printers/yaml.js'
import {asList, omitManagedFields} from './objects.js'
import {CliError} from '../errors.js'

export interface RenderOptions {
  now: Date
  withNamespace: boolean
  withKind: boolean
  noHeaders: boolean
  showLabels: boolean
  labelColumns: string[]
  sortBy?: string
  color: boolean
  /** one object was asked for by name: yaml/json/jsonpath print it bare, not in a List */
  singleObject: boolean
  /** --output-watch-events: the EVENT column of the initial list */
  eventOf?: () => string
  /** --show-managed-fields: keep metadata.managedFields in yaml/json (kubectl strips them otherwise) */
  showManagedFields?: boolean
}

export function renderGroups(groups: InfoGroup[], format: OutputFormat, opts: RenderOptions): string {
  const sorted = opts.sortBy ? groups.map((g) => ({...g, objects: sortObjects(g.objects, opts.sortBy!)})) : groups
  const all = sorted.flatMap((g) => g.objects)
  switch (format.kind) {
    case 'table': {
      const parts: string[] = []
      for (const g of sorted) {
        if (g.objects.length === 0) continue
        parts.push(
          renderTable(g.objects, {
            now: opts.now,
            wide: format.wide,
            showLabels: opts.showLabels,
            labelColumns: opts.labelColumns,
            noHeaders: opts.noHeaders,
            withNamespace: opts.withNamespace && g.rt.namespaced,
            withKindPrefix: opts.withKind ? nameKind(g.rt) : undefined,
            color: opts.color,
            eventOf: opts.eventOf,
            handler: tableHandlerFor(g.rt),
          }),
        )
      }
      return parts.join('\n')
    }
    case 'name':
      return sorted.flatMap((g) => g.objects.map((o) => `${nameKind(g.rt)}/${o.metadata.name}\n`)).join('')
    case 'yaml':
    case 'json': {
      const objs = opts.showManagedFields ? all : all.map(omitManagedFields)
      const print = format.kind === 'yaml' ? toYaml : toJson
      return opts.singleObject ? print(objs[0]) : print(asList(objs))
    }
    case 'jsonpath': {
      const tpl = parseJsonPath(format.template)
      const data = opts.singleObject ? all[0] : asList(all)
      return executeJsonPath(tpl, data, {allowMissingKeys: true, outputJson: format.asJson})
    }
    case 'go-template':
      return executeGoTemplate(parseGoTemplate(format.template), opts.singleObject ? all[0] : asList(all))
    case 'custom-columns': {
      const cols = format.fromFile ? parseCustomColumnsFile(format.spec) : parseCustomColumns(format.spec)
      return renderCustomColumns(cols, all, {noHeaders: opts.noHeaders})
    }
    default:
      throw new CliError('unknown output format')
  }
}
