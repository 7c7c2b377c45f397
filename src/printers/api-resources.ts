// The rows of `kubectl api-resources`: kubectl 1.32 writes them through cli-runtime's GetNewTabWriter
// (minwidth 6, padding 3), list fields (short names, verbs, categories) joined with commas.
import type {DiscoveredResource} from '../api/discovery.js'

import {alignTabs, TABLE_TABWRITER} from './tabwriter.js'

/** The output formats `kubectl api-resources -o` accepts ('' is the default table). */
export type ApiResourcesFormat = '' | 'wide' | 'name'

const HEADERS = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']

/** Prints `resources` (already filtered and sorted) as `kubectl api-resources [-o wide|name]` does. */
export function formatApiResources(resources: readonly DiscoveredResource[], format: ApiResourcesFormat, noHeaders = false): string {
  const lines: string[] = []
  // kubectl prints the header even when no resource is left
  if (!noHeaders && format !== 'name') lines.push((format === 'wide' ? [...HEADERS, 'VERBS', 'CATEGORIES'] : HEADERS).join('\t'))
  for (const r of resources) {
    if (format === 'name') {
      lines.push(r.group ? `${r.name}.${r.group}` : r.name)
      continue
    }
    const cells = [r.name, r.shortNames.join(','), r.groupVersion, String(r.namespaced), r.kind]
    if (format === 'wide') cells.push(r.verbs.join(','), r.categories.join(','))
    lines.push(cells.join('\t'))
  }
  if (lines.length === 0) return ''
  return alignTabs(lines.join('\n') + '\n', TABLE_TABWRITER)
}

/** Prints group/versions one per line, as `kubectl api-versions` does. */
export function formatApiVersions(groupVersions: readonly string[]): string {
  return groupVersions.map((gv) => `${gv}\n`).join('')
}
