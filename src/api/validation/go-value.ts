// Go's `%#v` rendering of the values apps validation reports (label maps and LabelSelectors), as
// field.Invalid prints a value that is neither a string nor a number.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'

const q = (s: string): string => JSON.stringify(s)

/** `map[string]string{"app":"web"}`, `map[string]string(nil)` for an absent map. */
export function goStringMap(m: Record<string, string> | null | undefined): string {
  if (m === null || m === undefined) return 'map[string]string(nil)'
  const keys = Object.keys(m).sort()
  return `map[string]string{${keys.map((k) => `${q(k)}:${q(String(m[k]))}`).join(', ')}}`
}

function goStrings(values: string[] | null | undefined): string {
  if (values === null || values === undefined) return '[]string(nil)'
  return `[]string{${values.map(q).join(', ')}}`
}

/** `v1.LabelSelector{MatchLabels:map[string]string{...}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(sel: LabelSelector): string {
  const exprs = sel.matchExpressions
  const rendered =
    exprs === null || exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs.map((e) => `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${goStrings(e.values)}}`).join(', ')}}`
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${rendered}}`
}
