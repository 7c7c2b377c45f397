// The lexer of Go's text/template as kubectl's -o go-template uses it: text, actions between `{{` and
// `}}`, trim markers `{{- ` and ` -}}`, comments `{{/* */}}`. Errors read as Go's parse errors.

export type TokKind =
  | 'text' | 'left' | 'right' | 'space' | 'ident' | 'keyword' | 'field' | 'variable' | 'dot' | 'string'
  | 'rawstring' | 'char' | 'number' | 'bool' | 'nil' | 'lparen' | 'rparen' | 'pipe' | 'declare' | 'assign'
  | 'comma' | 'other' | 'eof' | 'error'

export interface Token {
  kind: TokKind
  val: string
  pos: number
  line: number
}

export class TemplateSyntaxError extends Error {
  override name = 'TemplateSyntaxError'
}

export const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue'])

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isAlnum = (c: string): boolean => c === '_' || /[\p{L}\p{Nd}]/u.test(c)

/**
 * Splits a template into tokens; `name` is the template's name in error messages. A syntax error the
 * lexer finds ends the tokens as an `error` token holding Go's message, which the parser raises when it
 * reads that far.
 */
export function lex(name: string, input: string): Token[] {
  const toks: Token[] = []
  try {
    lexInto(name, input, toks)
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error
    toks.push({kind: 'error', val: error.message, pos: input.length, line: 0})
  }
  return toks
}

function lexInto(name: string, input: string, toks: Token[]): void {
  let pos = 0
  let line = 1
  const fail = (msg: string): never => {
    throw new TemplateSyntaxError(`template: ${name}:${line}: ${msg}`)
  }
  const emit = (kind: TokKind, start: number, val: string): void => {
    toks.push({kind, val, pos: start, line})
  }
  let trimNext = false
  while (pos < input.length) {
    let open = input.indexOf('{{', pos)
    if (open < 0) open = input.length
    let text = input.slice(pos, open)
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '')
    trimNext = false
    const leftTrim = open < input.length && input[open + 2] === '-' && isSpace(input[open + 3] ?? '')
    if (leftTrim) text = text.replace(/[ \t\r\n]+$/, '')
    if (text) emit('text', pos, text)
    line += countNl(input.slice(pos, open))
    if (open >= input.length) break
    pos = open + 2 + (leftTrim ? 2 : 0)
    // comment
    if (input.startsWith('/*', pos)) {
      const end = input.indexOf('*/', pos)
      if (end < 0) fail('unclosed comment')
      line += countNl(input.slice(pos, end))
      pos = end + 2
      if (input.startsWith(' -}}', pos)) {
        trimNext = true
        pos += 4
      } else if (input.startsWith('}}', pos)) pos += 2
      else fail('comment ends before closing delimiter')
      continue
    }
    emit('left', open, '{{')
    const r = lexInside(input, pos, line, toks, fail)
    pos = r.pos
    line = r.line
    trimNext = r.trim
  }
  toks.push({kind: 'eof', val: '', pos: input.length, line})
}

function countNl(s: string): number {
  let n = 0
  for (const c of s) if (c === '\n') n++
  return n
}

function lexInside(input: string, pos: number, line: number, toks: Token[], fail: (m: string) => never): {pos: number; line: number; trim: boolean} {
  let parens = 0
  const emit = (kind: TokKind, start: number, end: number): void => {
    toks.push({kind, val: input.slice(start, end), pos: start, line})
  }
  for (;;) {
    if (input.startsWith(' -}}', pos) || input.startsWith('\t-}}', pos) || input.startsWith('\n-}}', pos)) {
      if (parens > 0) fail('unclosed left paren')
      emit('right', pos + 2, pos + 4)
      return {pos: pos + 4, line, trim: true}
    }
    if (input.startsWith('}}', pos)) {
      if (parens > 0) fail('unclosed left paren')
      emit('right', pos, pos + 2)
      return {pos: pos + 2, line, trim: false}
    }
    if (pos >= input.length) fail('unclosed action')
    const c = input[pos]
    const start = pos
    if (c === '\n' || c === '\r') {
      // Go allows newlines inside actions since 1.16; keep counting lines
      if (c === '\n') line++
      pos++
      while (pos < input.length && isSpace(input[pos]) && !input.startsWith(' -}}', pos)) if (input[pos++] === '\n') line++
      emit('space', start, pos)
    } else if (isSpace(c)) {
      while (pos < input.length && isSpace(input[pos]) && !input.startsWith(' -}}', pos)) if (input[pos++] === '\n') line++
      emit('space', start, pos)
    } else if (SINGLE[c]) {
      if (c === '(') parens++
      if (c === ')' && --parens < 0) fail(`unexpected right paren`)
      emit(SINGLE[c], pos, ++pos)
    } else if (c === ':') {
      if (input[pos + 1] !== '=') fail('expected :=')
      pos += 2
      emit('declare', start, pos)
    } else if (c === '"' || c === "'" || c === '`') {
      pos = scanQuoted(input, pos, fail)
      line += c === '`' ? countNl(input.slice(start, pos)) : 0
      emit(c === '"' ? 'string' : c === "'" ? 'char' : 'rawstring', start, pos)
    } else if (c === '$') {
      pos++
      while (pos < input.length && isAlnum(input[pos])) pos++
      emit('variable', start, pos)
    } else if (c === '.') {
      if (/[0-9]/.test(input[pos + 1] ?? '')) {
        pos = lexNumber(input, pos, fail)
        emit('number', start, pos)
      } else if (isAlnum(input[pos + 1] ?? '')) {
        pos++
        while (pos < input.length && isAlnum(input[pos])) pos++
        emit('field', start, pos)
      } else emit('dot', pos, ++pos)
    } else if (/[0-9+-]/.test(c)) {
      pos = lexNumber(input, pos, fail)
      emit('number', start, pos)
    } else if (isAlnum(c)) {
      while (pos < input.length && isAlnum(input[pos])) pos++
      const word = input.slice(start, pos)
      const kind: TokKind = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'ident'
      emit(kind, start, pos)
    } else if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) {
      // any other printable ASCII: a token the parser reports as unexpected
      emit('other', pos, ++pos)
    } else {
      fail(`unrecognized character in action: ${goRuneU(c)}`)
    }
    const last = toks.at(-1)!
    if ((last.kind === 'field' || last.kind === 'variable' || last.kind === 'ident' || last.kind === 'keyword' || last.kind === 'bool' || last.kind === 'nil') && !atTerminator(input, pos)) {
      fail(`bad character ${goRuneU(String.fromCodePoint(input.codePointAt(pos)!))}`)
    }
  }
}

function atTerminator(input: string, pos: number): boolean {
  if (pos >= input.length) return true
  return isSpace(input[pos]) || '.,|:()'.includes(input[pos]) || input.startsWith('}}', pos)
}

/** fmt's %#U: U+007D '}' */
function goRuneU(c: string): string {
  const cp = c.codePointAt(0)!
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')
  return cp >= 0x20 && cp !== 0x7f ? `${hex} '${c}'` : hex
}

const SINGLE: Record<string, TokKind> = {'=': 'assign', '|': 'pipe', ',': 'comma', '(': 'lparen', ')': 'rparen'}

/** The end of a "string", 'c'haracter or `raw string` starting at pos, with Go's errors. */
function scanQuoted(input: string, pos: number, fail: (m: string) => never): number {
  const q = input[pos]
  if (q === '`') {
    const end = input.indexOf('`', pos + 1)
    if (end < 0) fail('unterminated raw quoted string')
    return end + 1
  }
  pos++
  while (input[pos] !== q) {
    if (input[pos] === '\\') pos++
    if (pos >= input.length || input[pos] === '\n') fail(q === '"' ? 'unterminated quoted string' : 'unterminated character constant')
    pos++
  }
  return pos + 1
}

function lexNumber(input: string, pos: number, fail: (m: string) => never): number {
  const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)i?/.exec(input.slice(pos))
  const len = m ? m[0].length : 0
  const next = input[pos + len] ?? ''
  if (len === 0 || isAlnum(next)) fail(`bad number syntax: "${input.slice(pos, pos + len + 1)}"`)
  return pos + len
}
