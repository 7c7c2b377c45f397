// The JSONPath template parser of client-go (util/jsonpath/parser.go), rule for rule: text outside
// `{}` is copied, each action becomes a list of nodes, and errors carry client-go's exact wording.
import {goAtoi, goRuneU, unquoteExtend} from '../machinery/go-format.js'

/** One slice bound of `[a:b:c]`: absent bounds are not Known; `[n]` derives its end as n+1. */
export interface SliceParam {
  known: boolean
  value: number
  derived: boolean
}

/** A parsed template node (client-go's Node types). */
export type JpNode =
  | {type: 'list'; nodes: JpNode[]}
  | {type: 'text'; text: string}
  | {type: 'field'; name: string}
  | {type: 'array'; params: [SliceParam, SliceParam, SliceParam]}
  | {type: 'filter'; left: JpList; right: JpList; op: string}
  | {type: 'int'; value: number}
  | {type: 'float'; value: number}
  | {type: 'bool'; value: boolean}
  | {type: 'wildcard'}
  | {type: 'recursive'}
  | {type: 'union'; lists: JpList[]}
  | {type: 'identifier'; name: string}

/** A list node: the body of one `{...}` action, or of a union branch or filter side. */
export type JpList = Extract<JpNode, {type: 'list'}>

/** A template or evaluation error with client-go's text (e.g. `unterminated array`). */
export class JsonPathSyntaxError extends Error {
  override name = 'JsonPathSyntaxError'
}

const EOF = -1
const DICT_KEY = /^'([^']*)'$/
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/

const isSpace = (r: number): boolean => r === 0x20 || r === 0x09
const isEndOfLine = (r: number): boolean => r === 0x0d || r === 0x0a
const isDigit = (r: number): boolean => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r))
const isAlphaNumeric = (r: number): boolean => r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)))

function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true
  return r === EOF || '.,[]$@{}'.includes(String.fromCodePoint(r))
}

/** Parses a whole template into its top-level list (text nodes and one list per action). */
export function parseTemplate(text: string): JpList {
  return new Parser(text).parse()
}

/** parseAction: `{text}` parsed on its own, yielding the action's list. */
function parseAction(text: string): JpList {
  return parseTemplate(`{${text}}`).nodes[0] as JpList
}

class Parser {
  private pos = 0
  private start = 0
  private width = 0
  private readonly root: JpList = {type: 'list', nodes: []}

  constructor(private readonly input: string) {}

  parse(): JpList {
    let cur: JpList | undefined
    for (;;) {
      if (cur === undefined) {
        // text until the next '{' or the end
        while (!this.input.startsWith('{', this.pos)) {
          if (this.next() === EOF) {
            if (this.pos > this.start) this.root.nodes.push({type: 'text', text: this.consume()})
            return this.root
          }
        }
        if (this.pos > this.start) this.root.nodes.push({type: 'text', text: this.consume()})
        this.pos += 1
        this.consume()
        cur = {type: 'list', nodes: []}
        this.root.nodes.push(cur)
      } else if (this.insideAction(cur)) {
        cur = undefined
      }
    }
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = this.input.codePointAt(this.pos)!
    this.width = r > 0xffff ? 2 : 1
    this.pos += this.width
    return r
  }

  private peek(): number {
    const r = this.next()
    this.pos -= this.width
    return r
  }

  /** One step of parseInsideAction; true once the action's closing `}` is consumed. */
  private insideAction(cur: JpList): boolean {
    if (this.input.startsWith('}', this.pos)) {
      this.pos += 1
      this.consume()
      return true
    }
    if (this.input.startsWith('[?(', this.pos)) {
      this.filter(cur)
      return false
    }
    if (this.input.startsWith('..', this.pos)) {
      this.recursive(cur)
      return false
    }
    const r = this.next()
    if (r === EOF || isEndOfLine(r)) throw new JsonPathSyntaxError('unclosed action')
    if (r === 0x20 || r === 0x40 || r === 0x24) this.consume() // ' ', '@', '$'
    else if (r === 0x5b) this.array(cur)
    else if (r === 0x22 || r === 0x27) this.quote(cur, r)
    else if (r === 0x2e) this.field(cur)
    else if (r === 0x2b || r === 0x2d || isDigit(r)) {
      this.pos -= this.width
      this.number(cur)
    } else if (isAlphaNumeric(r)) {
      this.pos -= this.width
      this.identifier(cur)
    } else throw new JsonPathSyntaxError(`unrecognized character in action: ${goRuneU(r)}`)
    return false
  }

  private identifier(cur: JpList): void {
    while (!isTerminator(this.next()));
    this.pos -= this.width
    const value = this.consume()
    if (value === 'true' || value === 'false') cur.nodes.push({type: 'bool', value: value === 'true'})
    else cur.nodes.push({type: 'identifier', name: value})
  }

  private recursive(cur: JpList): void {
    if (cur.nodes.length > 0 && cur.nodes[cur.nodes.length - 1].type === 'recursive') {
      throw new JsonPathSyntaxError('invalid multiple recursive descent')
    }
    this.pos += 2
    this.consume()
    cur.nodes.push({type: 'recursive'})
    if (isAlphaNumeric(this.peek())) this.field(cur)
  }

  private number(cur: JpList): void {
    const r = this.peek()
    if (r === 0x2b || r === 0x2d) this.next()
    for (;;) {
      const c = this.next()
      if (c !== 0x2e && !isDigit(c)) {
        this.pos -= this.width
        break
      }
    }
    const value = this.consume()
    const i = goAtoi(value)
    if (i !== undefined) cur.nodes.push({type: 'int', value: i})
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({type: 'float', value: Number(value)})
    else throw new JsonPathSyntaxError(`cannot parse number ${value}`)
  }

  private array(cur: JpList): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathSyntaxError('unterminated array')
      if (r === 0x5d) break
    }
    let text = this.consume().slice(1, -1)
    if (text === '*') text = ':'

    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({type: 'union', lists: parts.map((p) => parseAction(`[${p.replace(/^ +| +$/g, '')}]`))})
      return
    }
    const key = DICT_KEY.exec(text)
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes)
      return
    }
    const m = SLICE.exec(text)
    if (!m) throw new JsonPathSyntaxError(`invalid array index ${text}`)
    const groups = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
    const params: SliceParam[] = []
    for (let i = 0; i < 3; i++) {
      let v = groups[i]
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params.push({known: false, value: 0, derived: false})
        else {
          const n = goAtoi(v)
          if (n === undefined) throw new JsonPathSyntaxError(`array index ${v} is not a number`)
          params.push({known: true, value: n, derived: false})
        }
      } else if (i === 1) params.push({known: true, value: params[0].value + 1, derived: true})
      else params.push({known: false, value: 0, derived: false})
    }
    cur.nodes.push({type: 'array', params: params as [SliceParam, SliceParam, SliceParam]})
  }

  private filter(cur: JpList): void {
    this.pos += 3
    this.consume()
    let begin = false
    let end = false
    let pair = 0
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathSyntaxError('unterminated filter')
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === 0x29 && begin === end) break
    }
    if (this.next() !== 0x5d) throw new JsonPathSyntaxError('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = FILTER.exec(text)
    if (!m) cur.nodes.push({type: 'filter', left: parseAction(text), right: {type: 'list', nodes: []}, op: 'exists'})
    else cur.nodes.push({type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2]})
  }

  private quote(cur: JpList, quote: number): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathSyntaxError('unterminated quoted string')
      if (r === quote && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consume()
    const s = unquoteExtend(value)
    if (s === undefined) throw new JsonPathSyntaxError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({type: 'text', text: s})
  }

  private field(cur: JpList): void {
    this.consume()
    for (;;) {
      const r = this.next()
      if (r === 0x5c) this.next()
      else if (isTerminator(r)) {
        this.pos -= this.width
        break
      }
    }
    const value = this.consume()
    if (value === '*') cur.nodes.push({type: 'wildcard'})
    else cur.nodes.push({type: 'field', name: value.replace(/\\/g, '')})
  }
}
