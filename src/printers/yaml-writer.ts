// go-yaml v2's scalar writers: plain, single- and double-quoted text folded at column 80 the way
// its emitter folds, and literal blocks with chomping hints.
import {isBreak, isPrintable, type ScalarStyle} from './yaml-scalar.js'

const BEST_WIDTH = 80
const BEST_INDENT = 2

/** The emitter's output and cursor with go-yaml's whitespace/indention flags. */
export class YamlOut {
  text = ''
  column = 0
  /** the last thing written ends in whitespace (line start, indentation, `{`) */
  whitespace = true
  /** only indentation (and `-` indicators) on the current line so far */
  indention = true

  /** put/write: characters on the current line */
  put(s: string): void {
    this.text += s
    for (const _ of s) this.column++
  }

  /** put_break / write_break */
  lineBreak(c = '\n'): void {
    this.text += c
    this.column = 0
  }

  /** yaml_emitter_write_indent */
  indent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.lineBreak()
    if (this.column < indent) this.put(' '.repeat(indent - this.column))
    this.whitespace = true
    this.indention = true
  }

  /** yaml_emitter_write_indicator */
  indicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.put(ind)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
}

function escapeChar(c: string): string {
  const cp = c.codePointAt(0)!
  if (ESCAPES[cp] !== undefined) return '\\' + ESCAPES[cp]
  const [letter, digits] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8]
  return '\\' + letter + cp.toString(16).toUpperCase().padStart(digits, '0')
}

function writePlain(o: YamlOut, cs: string[], indent: number, allowBreaks: boolean): void {
  if (!o.whitespace) o.put(' ')
  let spaces = false
  for (let i = 0; i < cs.length; i++) {
    if (cs[i] === ' ') {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && cs[i + 1] !== ' ') o.indent(indent)
      else o.put(' ')
      spaces = true
    } else {
      o.put(cs[i])
      spaces = false
    }
  }
  o.whitespace = o.indention = false
}

function writeSingle(o: YamlOut, cs: string[], indent: number, allowBreaks: boolean): void {
  o.indicator("'", true, false, false)
  let spaces = false
  let breaks = false
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    if (c === ' ') {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') o.indent(indent)
      else o.put(' ')
      spaces = true
    } else if (isBreak(c)) {
      if (!breaks && c === '\n') o.lineBreak()
      o.lineBreak(c)
      o.indention = true
      breaks = true
    } else {
      if (breaks) o.indent(indent)
      o.put(c === "'" ? "''" : c)
      o.indention = false
      spaces = breaks = false
    }
  }
  o.indicator("'", false, false, false)
  o.whitespace = o.indention = false
}

function writeDouble(o: YamlOut, cs: string[], indent: number, allowBreaks: boolean): void {
  o.indicator('"', true, false, false)
  let spaces = false
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    if (!isPrintable(c.codePointAt(0)!) || isBreak(c) || c === '"' || c === '\\') {
      o.put(escapeChar(c))
      spaces = false
    } else if (c === ' ') {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && i !== 0 && i !== cs.length - 1) {
        o.indent(indent)
        if (cs[i + 1] === ' ') o.put('\\')
      } else {
        o.put(' ')
      }
      spaces = true
    } else {
      o.put(c)
      spaces = false
    }
  }
  o.indicator('"', false, false, false)
  o.whitespace = o.indention = false
}

/** Writes a literal block; returns true when its `+` chomping leaves the document open-ended. */
function writeLiteral(o: YamlOut, cs: string[], indent: number): boolean {
  o.indicator('|', true, false, false)
  let hints = cs.length > 0 && (cs[0] === ' ' || isBreak(cs[0])) ? String(BEST_INDENT) : ''
  const last = cs.length - 1
  let openEnded = false
  if (cs.length === 0 || !isBreak(cs[last])) hints += '-'
  else if (last === 0 || isBreak(cs[last - 1])) {
    hints += '+'
    openEnded = true
  }
  if (hints) o.indicator(hints, false, false, false)
  o.lineBreak()
  o.indention = o.whitespace = true
  let breaks = true
  for (const c of cs) {
    if (isBreak(c)) {
      o.lineBreak(c)
      o.indention = true
      breaks = true
    } else {
      if (breaks) o.indent(indent)
      o.put(c)
      o.indention = false
      breaks = false
    }
  }
  return openEnded
}

/** Writes `s` in `style` (continuation lines and literal content at `indent`); true if open-ended. */
export function writeScalar(o: YamlOut, s: string, style: ScalarStyle, indent: number, allowBreaks: boolean): boolean {
  const cs = [...s]
  if (style === 'literal') return writeLiteral(o, cs, indent)
  if (style === 'plain') writePlain(o, cs, indent, allowBreaks)
  else if (style === 'single') writeSingle(o, cs, indent, allowBreaks)
  else writeDouble(o, cs, indent, allowBreaks)
  return false
}
