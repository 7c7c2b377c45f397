// The nodes of a parsed Go template (text/template/parse), their text as Go's String() gives it (for
// the `at <...>` of exec errors), and the literal syntax of numbers, strings and characters.
import type {Token} from './go-template-lex.js'

/** Every argument also carries `pos`, its byte offset in the template (Go's node position). */
export type Arg =
  | {t: 'field'; idents: string[]; pos: number}
  | {t: 'var'; name: string; idents: string[]; pos: number}
  | {t: 'dot'}
  | {t: 'nil'}
  | {t: 'bool'; value: boolean}
  | {t: 'number'; text: string; isInt: boolean; value: number}
  | {t: 'string'; text: string; value: string}
  | {t: 'ident'; name: string}
  | {t: 'pipe'; pipe: Pipe}
  | {t: 'chain'; node: Arg; fields: string[]; pos: number}

export interface Command {
  args: Arg[]
  pos: number
  line: number
}

export interface Pipe {
  decl: string[]
  isAssign: boolean
  cmds: Command[]
  pos: number
  line: number
}

export type Node =
  | {t: 'text'; text: string}
  | {t: 'action'; pipe: Pipe; pos: number; line: number}
  | {t: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; elseList?: Node[]; pos: number; line: number}
  | {t: 'break' | 'continue'; pos: number; line: number}
  | {t: 'template'; name: string; nameText: string; pipe?: Pipe; pos: number; line: number}

/** A parsed template: its main list and the templates it {{define}}s (or {{block}}s). */
export interface ParsedTemplate {
  nodes: Node[]
  defs: Map<string, Node[]>
}

export function templateNodeString(n: Extract<Node, {t: 'template'}>): string {
  return `{{template ${n.nameText}${n.pipe ? ' ' + pipeString(n.pipe) : ''}}}`
}

/** Functions a template may call (kubectl's set: Go's builtins plus exists and base64decode). */
export const FUNCTION_NAMES = new Set([
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'html', 'js', 'urlquery', 'call',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'exists', 'base64decode',
])

export function argString(a: Arg): string {
  switch (a.t) {
    case 'field':
      return a.idents.map((i) => '.' + i).join('')
    case 'var':
      return a.name + a.idents.map((i) => '.' + i).join('')
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'bool':
      return String(a.value)
    case 'number':
    case 'string':
      return a.text
    case 'ident':
      return a.name
    case 'pipe':
      return `(${pipeString(a.pipe)})`
    case 'chain':
      return argString(a.node) + a.fields.map((f) => '.' + f).join('')
  }
}

export function commandString(c: Command): string {
  return c.args.map(argString).join(' ')
}

export function pipeString(p: Pipe): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : ''
  return decl + p.cmds.map(commandString).join(' | ')
}

export function parseNumber(t: Token, fail: (m: string) => never): Arg {
  const text = t.val.replace(/_/g, '')
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|\d+)$/.test(text)) {
    const neg = text.startsWith('-')
    const body = text.replace(/^[+-]/, '')
    const v = /^0[oO]/.test(body) ? parseInt(body.slice(2), 8) : /^0\d/.test(body) ? parseInt(body, 8) : Number(body)
    return {t: 'number', text: t.val, isInt: true, value: neg ? -v : v}
  }
  const v = Number(text)
  if (Number.isNaN(v)) fail(`illegal number syntax: ${JSON.stringify(t.val)}`)
  return {t: 'number', text: t.val, isInt: false, value: v}
}

export function charConstant(t: Token, fail: (m: string) => never): Arg {
  const body = unquote('"' + t.val.slice(1, -1).replace(/"/g, '\\"') + '"', fail)
  if ([...body].length !== 1) fail(`malformed character constant: ${t.val}`)
  return {t: 'number', text: t.val, isInt: true, value: body.codePointAt(0)!}
}

export function unquote(q: string, fail: (m: string) => never): string {
  try {
    return JSON.parse(q.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\([abfv])/g, (_, c: string) => ({a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b'})[c]!)) as string
  } catch {
    return fail(`invalid syntax`)
  }
}
