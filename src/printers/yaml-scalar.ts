// How go-yaml v2 (under sigs.k8s.io/yaml, kubectl's YAML printer) decides a string's style: plain
// unless the text would read back as another type or breaks plain syntax; quoted or literal otherwise.

/** Output styles go-yaml v2 picks for a string scalar. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

// resolve.go's resolveMap: words that YAML 1.1 reads as bool, null, float or merge
const RESOLVED_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
])
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const TS_RFC3339 = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const TS_SPACED = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/

// Go's time.Parse with the layouts go-yaml tries, including its range checks
function isTimestamp(s: string): boolean {
  const m = TS_RFC3339.exec(s) ?? TS_SPACED.exec(s) ?? TS_DATE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false
  return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60)
}

/** True when go-yaml v2 resolves the unquoted text back to a string (resolve.go). */
export function resolvesToString(s: string): boolean {
  if (s === '') return false
  const c = s[0]
  const digit = c >= '0' && c <= '9'
  if (!digit && !'+-.yYnNtTfFoO~'.includes(c)) return true
  if (RESOLVED_WORDS.has(s)) return false
  if ('yYnNtTfFoO~'.includes(c)) return true
  if (c === '.') return !/^\.[0-9]+([eE][+-]?[0-9]+)?$/.test(s)
  if (/^\d{4}-/.test(s) && isTimestamp(s)) return false
  const plain = s.replace(/_/g, '')
  if (GO_INT.test(plain)) return false
  if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false
  if (plain.startsWith('0b') && /^[+-]?[01]+$/.test(plain.slice(2))) return false
  if (plain.startsWith('-0b') && /^[01]+$/.test(plain.slice(3))) return false
  return true
}

/** yaml_emitter's is_printable, by code point. */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
}

/** yaml_emitter's is_break. */
export function isBreak(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'
}

interface Analysis {
  multiline: boolean
  plainAllowed: boolean
  singleAllowed: boolean
  blockAllowed: boolean
}

// yaml_emitter_analyze_scalar, for block context
function analyze(s: string): Analysis {
  if (s === '') return {multiline: false, plainAllowed: true, singleAllowed: true, blockAllowed: false}
  const cs = [...s]
  let indicators = s.startsWith('---') || s.startsWith('...')
  let special = false
  let lineBreaks = false
  let [leadingSpace, leadingBreak, trailingSpace, trailingBreak] = [false, false, false, false]
  let [breakSpace, spaceBreak, prevSpace, prevBreak] = [false, false, false, false]
  let precededByWs = true
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    const followedByWs = i + 1 >= cs.length || cs[i + 1] === ' ' || cs[i + 1] === '\t'
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) indicators = true
      else if ((c === '?' || c === ':' || c === '-') && followedByWs) indicators = true
    } else if ((c === ':' && followedByWs) || (c === '#' && precededByWs)) {
      indicators = true
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (i === cs.length - 1) trailingSpace = true
      if (prevBreak) breakSpace = true
      ;[prevSpace, prevBreak] = [true, false]
    } else if (isBreak(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === cs.length - 1) trailingBreak = true
      if (prevSpace) spaceBreak = true
      ;[prevSpace, prevBreak] = [false, true]
    } else {
      ;[prevSpace, prevBreak] = [false, false]
    }
    precededByWs = c === ' ' || c === '\t' || isBreak(c)
  }
  let plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak)
  let singleAllowed = true
  let blockAllowed = !trailingSpace
  if (breakSpace) plainAllowed = singleAllowed = false
  if (spaceBreak || special) plainAllowed = singleAllowed = blockAllowed = false
  if (lineBreaks || indicators) plainAllowed = false
  return {multiline: lineBreaks, plainAllowed, singleAllowed, blockAllowed}
}

/** The style go-yaml v2 writes a string in (encode.go stringv + emitter select_scalar_style). */
export function chooseStyle(s: string, simpleKey: boolean): ScalarStyle {
  const canUsePlain = resolvesToString(s) && !BASE60_FLOAT.test(s)
  let style: ScalarStyle = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double'
  const a = analyze(s)
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain' && (!a.plainAllowed || (s === '' && simpleKey))) style = 'single'
  if (style === 'single' && !a.singleAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}
