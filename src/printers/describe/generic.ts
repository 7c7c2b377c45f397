// kubectl's generic describer (describe.go genericDescriber), used for every kind without a describer of its
// own (Event, Lease, ...): name, namespace, labels, annotations, then every other field of the object as
// served, keys sorted, each level indented, then the object's events.
import type {KObject} from '../../api/types.js'

import {printObjectMeta} from './common.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']
const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

type CharClass = 'lower' | 'upper' | 'digit' | 'other'
const classOf = (ch: string): CharClass => (/\p{Ll}/u.test(ch) ? 'lower' : /\p{Lu}/u.test(ch) ? 'upper' : /\p{Nd}/u.test(ch) ? 'digit' : 'other')

/** github.com/fatih/camelcase Split: runs of one character class; `HTTPServer` → `HTTP`, `Server`. */
export function camelcaseSplit(s: string): string[] {
  const runs: string[][] = []
  let last: CharClass | undefined
  for (const ch of s) {
    const c = classOf(ch)
    if (c === last) runs[runs.length - 1].push(ch)
    else runs.push([ch])
    last = c
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 'upper' && classOf(runs[i + 1][0]) === 'lower') {
      runs[i + 1].unshift(runs[i].pop()!)
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}

/** smartLabelFor: `apiVersion` → `API Version`; keys with characters other than letters and '-' stay as they are. */
export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field
  return camelcaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : titleCase(p)))
    .join(' ')
}

// cases.Title(language.English): the first letter upper case, the rest lower case
function titleCase(word: string): string {
  const chars = [...word]
  return chars.length === 0 ? '' : chars[0].toUpperCase() + chars.slice(1).join('').toLowerCase()
}

// Go's %v of a decoded JSON scalar
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  return String(v)
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = content[field]
    const skipExpr = `${skipPrefix}.${field}`
    if (SKIP.includes(skipExpr)) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printContent(w, level + 1, value as Record<string, unknown>, skipExpr)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, skipExpr)
        else w.write(level + 1, `${scalarText(child)}\n`)
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${scalarText(value)}\n`)
  }
}

/** kubectl describe of a kind without its own describer. */
export function describeGeneric(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  printContent(w, LEVEL_0, obj as Record<string, unknown>, '')
  return endWithEvents(w, ctx)
}
