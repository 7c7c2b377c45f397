// Field selectors as apimachinery's fields package parses and prints them: fields.ParseSelector
// (`a=b`, `a==b`, `a!=b`, comma = AND, `\,` `\=` `\\` escapes) and Selector.String().
import {SelectorError} from './label-selector.js'

/** One term: `field=value`, `field==value` or `field!=value` (value unescaped). */
export interface FieldRequirement {
  field: string
  operator: '=' | '==' | '!='
  value: string
}

/** AND of terms; no terms selects everything. */
export interface FieldSelector {
  requirements: FieldRequirement[]
}

const OPERATORS = ['!=', '==', '='] as const

/** splitTerms: commas separate terms unless escaped; escapes stay for UnescapeValue. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return []
  const terms: string[] = []
  let start = 0
  let inSlash = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (inSlash) inSlash = false
    else if (c === '\\') inSlash = true
    else if (c === ',') {
      terms.push(s.slice(start, i))
      start = i + 1
    }
  }
  terms.push(s.slice(start))
  return terms
}

/** UnescapeValue, with fields' error types' messages (an unescaped rune prints as its number). */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s
  let out = ''
  let inSlash = false
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`)
      out += c
      inSlash = false
    } else if (c === '\\') inSlash = true
    else if (c === ',' || c === '=') throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`)
    else out += c
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\')
  return out
}

/** fields.ParseSelector: terms are sorted, the first one that cannot be understood fails. */
export function parseFieldSelector(text: string): FieldSelector {
  const parts = splitTerms(text).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
  const requirements: FieldRequirement[] = []
  for (const part of parts) {
    if (part === '') continue
    let split: FieldRequirement | undefined
    for (let i = 0; i < part.length && !split; i++) {
      const op = OPERATORS.find((o) => part.startsWith(o, i))
      if (op) split = {field: part.slice(0, i), operator: op, value: part.slice(i + op.length)}
    }
    if (!split) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`)
    requirements.push({...split, value: unescapeValue(split.value)})
  }
  return {requirements}
}

/** Selector.String(): terms joined by commas, values escaped again. */
export function fieldSelectorString(sel: FieldSelector): string {
  const esc = (v: string): string => v.replace(/[\\,=]/g, (c) => `\\${c}`)
  return sel.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${esc(r.value)}`).join(',')
}
