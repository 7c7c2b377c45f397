// Multi-line fields shared by describers: labels, annotations, taints, tolerations and resource lists,
// each aligned under its title the way describe.go prints them.
import type {KObject, Toleration} from '../../api/types.js'

import {parseQuantity} from '../../machinery/quantity.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'

/** kubectl hides this annotation in describe output. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140

/** printLabelsMultiline: `Title:\tk=v` then `\tk=v` per further key, sorted; `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`)
    w.write(LEVEL_0, `${k}=${labels![k]}\n`)
  })
}

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8')

// shorten: cut to maxLength bytes and add `...`
function shorten(s: string, maxLength: number): string {
  const b = Buffer.from(s, 'utf8')
  return b.length > maxLength ? b.subarray(0, maxLength).toString('utf8') + '...' : s
}

/** printAnnotationsMultiline: `k: v`, long or multi-line values on their own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    const value = annotations![k].replace(/\n$/, '')
    if (byteLength(value) + byteLength(k) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`)
      for (const line of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${k}: ${value}\n`)
    }
  })
}

interface Taint {
  key: string
  value?: string
  effect: string
}

/** printNodeTaintsMultiline: `key[=value]:Effect`, sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!taints || taints.length === 0) {
    w.writeLine('<none>')
    return
  }
  const sortKey = (t: Taint): string => `${t.effect},${t.key}`
  const sorted = [...taints].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${t.value ? `${t.key}=${t.value}` : t.key}:${t.effect}\n`)
  })
}

/** printPodTolerationsMultiline: `key[=value][:effect][ op=Exists][ for Ns]`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${s}\n`)
  })
}

/** A resource list's names in byte order (SortedResourceNames). */
export function sortedResourceNames(list: Record<string, string> | undefined): string[] {
  return Object.keys(list ?? {}).sort()
}

/** The canonical text of a quantity as Quantity.String prints it (unparsable text as given). */
export function quantityText(q: string | undefined): string {
  const parsed = parseQuantity(q)
  return parsed ? parsed.toString() : String(q ?? '0')
}

/** describeResources: `Limits:` and `Requests:` with one `name:\tquantity` line each. */
export function describeResources(resources: {limits?: Record<string, string>; requests?: Record<string, string>} | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = sortedResourceNames(list)
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${quantityText(list![name])}\n`)
  }
}

/** A Deployment's or ReplicaSet's conditions: Type, Status and Reason; nothing when there are none. */
export function printWorkloadConditions(w: PrefixWriter, conditions: {type: string; status: string; reason?: string}[] | undefined): void {
  if (!conditions || conditions.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

/** The metadata most describers open with: Name, Namespace, Labels, Annotations. */
export function printObjectMeta(w: PrefixWriter, obj: KObject): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
}
