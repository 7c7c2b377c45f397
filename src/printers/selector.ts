// metav1.LabelSelectorAsSelector(...).String() for printers (which may not import api code): the
// requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'

const byteLess = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The selector as kubectl prints it; '' for an empty or absent selector. */
export function selectorString(sel: LabelSelector | null | undefined): string {
  if (!sel) return ''
  const reqs: [string, string][] = Object.keys(sel.matchLabels ?? {}).map((k) => [k, `${k}=${sel.matchLabels![k]}`])
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byteLess).join(',')
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'DoesNotExist' ? `!${e.key}` : e.key
    reqs.push([e.key, text])
  }
  return reqs
    .sort((a, b) => byteLess(a[0], b[0]))
    .map((r) => r[1])
    .join(',')
}
