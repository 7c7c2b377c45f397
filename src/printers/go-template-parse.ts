// The parser of Go's text/template: actions, pipelines, if/else if/with/range/else/end, variables,
// parenthesised pipelines and field chains, define/template/block, break/continue.
import {goQuote} from '../machinery/go-format.js'
import {lex, TemplateSyntaxError, type Token} from './go-template-lex.js'
import {argString, charConstant, FUNCTION_NAMES, parseNumber, unquote, type Arg, type Command, type Node, type ParsedTemplate, type Pipe} from './go-template-nodes.js'

export type {Arg, Command, Node, ParsedTemplate, Pipe} from './go-template-nodes.js'
export {argString, commandString, pipeString, templateNodeString} from './go-template-nodes.js'

class Parser {
  private i = 0
  private vars: string[][] = [['$']]
  private rangeDepth = 0
  private depth = 0
  readonly defs = new Map<string, Node[]>()
  constructor(
    private readonly name: string,
    private readonly toks: Token[],
  ) {}

  fail(msg: string, tok = this.toks[this.i]): never {
    throw new TemplateSyntaxError(`template: ${this.name}:${tok.line}: ${msg}`)
  }

  // Go's lexer runs only as far ahead as the parser reads: its error is the template's error only when
  // the parser gets to it (`{{ eq .a \"x\" }}` is the parser's unexpected "\\", not the lexer's
  // unterminated string further on)
  peek(): Token {
    return lexed(this.toks[this.i])
  }

  next(): Token {
    return lexed(this.toks[this.i++])
  }

  nonSpace(): Token {
    let t = this.next()
    while (t.kind === 'space') t = this.next()
    return t
  }

  peekNonSpace(): Token {
    const save = this.i
    const t = this.nonSpace()
    this.i = save
    return t
  }

  /** The top-level list; stops at {{end}} / {{else}} for the caller to handle. */
  list(context: string): {nodes: Node[]; stop: 'end' | 'else' | 'eof'; stopTok: Token} {
    const nodes: Node[] = []
    for (;;) {
      const t = this.next()
      if (t.kind === 'eof') return {nodes, stop: 'eof', stopTok: t}
      if (t.kind === 'text') {
        nodes.push({t: 'text', text: t.val})
        continue
      }
      // t is `{{`
      const k = this.peekNonSpace()
      if (k.kind === 'keyword') {
        this.nonSpace()
        if (k.val === 'end') {
          this.expectRight('end')
          return {nodes, stop: 'end', stopTok: k}
        }
        if (k.val === 'else') return {nodes, stop: 'else', stopTok: k}
        nodes.push(this.control(k, context))
        continue
      }
      const pipe = this.pipeline('command', true)
      nodes.push({t: 'action', pipe, pos: t.pos, line: t.line})
    }
  }

  expectRight(context: string): void {
    const t = this.nonSpace()
    if (t.kind !== 'right') this.fail(`unexpected ${tokDesc(t)} in ${context}`, t)
  }

  control(k: Token, context: string): Node {
    switch (k.val) {
      case 'if':
      case 'with':
      case 'range':
        return this.branch(k.val, k)
      case 'define':
      case 'block':
      case 'template':
        return this.templateControl(k, context)
      case 'break':
      case 'continue':
        if (this.rangeDepth === 0) this.fail(`{{${k.val}}} outside {{range}}`, k)
        this.expectRight(k.val)
        return {t: k.val, pos: k.pos, line: k.line}
      default:
        return this.fail(`unexpected <${k.val}> in ${context}`, k)
    }
  }

  /** {{template "x" pipe}}, {{block "x" pipe}}...{{end}} and (top level only) {{define "x"}}...{{end}}. */
  templateControl(k: Token, context: string): Node {
    if (k.val === 'define' && this.depth > 0) this.fail(`unexpected <define> in command`, k)
    void context
    const nameTok = this.nonSpace()
    if (nameTok.kind !== 'string' && nameTok.kind !== 'rawstring') this.fail(`unexpected ${tokDesc(nameTok)} in ${k.val} clause`, nameTok)
    const name = nameTok.kind === 'rawstring' ? nameTok.val.slice(1, -1) : unquote(nameTok.val, (m) => this.fail(m, nameTok))
    let pipe: Pipe | undefined
    if (k.val === 'define') this.expectRight('define clause')
    else if (this.peekNonSpace().kind === 'right') this.nonSpace()
    else pipe = this.pipeline(`${k.val} clause`, false)
    if (k.val !== 'template') {
      this.vars.push(['$'])
      this.depth++
      const body = this.list(k.val)
      this.depth--
      this.vars.pop()
      if (body.stop !== 'end') this.fail(body.stop === 'eof' ? 'unexpected EOF' : `unexpected {{else}}`, body.stopTok)
      // text/template's Tree.add: an empty body never replaces, a second non-empty one is an error
      const old = this.defs.get(name)
      if (old && !isEmptyTree(old) && !isEmptyTree(body.nodes)) this.fail(`template: multiple definition of template ${JSON.stringify(name)}`, k)
      if (!old || isEmptyTree(old)) this.defs.set(name, body.nodes)
      if (k.val === 'define') return {t: 'text', text: ''}
    }
    return {t: 'template', name, nameText: nameTok.val, pipe, pos: nameTok.pos, line: nameTok.line}
  }

  branch(kind: 'if' | 'with' | 'range', k: Token, elseIf = false): Node {
    this.vars.push([...this.vars.at(-1)!])
    const pipe = this.pipeline(kind, kind === 'range')
    if (kind === 'range') this.rangeDepth++
    this.depth++
    const body = this.list(kind)
    this.depth--
    if (kind === 'range') this.rangeDepth--
    let elseList: Node[] | undefined
    if (body.stop === 'eof') this.fail('unexpected EOF', body.stopTok)
    if (body.stop === 'else') {
      const after = this.peekNonSpace()
      if ((kind === 'if' && after.kind === 'keyword' && after.val === 'if') || (kind === 'with' && after.kind === 'keyword' && after.val === 'with')) {
        // {{else if ...}} / {{else with ...}}: a nested branch that consumes the shared {{end}}
        this.nonSpace()
        elseList = [this.branch(kind, after, true)]
      } else {
        this.expectRight('else')
        const rest = this.list(kind)
        if (rest.stop === 'eof') this.fail('unexpected EOF', rest.stopTok)
        if (rest.stop === 'else') this.fail('expected end; found {{else}}', rest.stopTok)
        elseList = rest.nodes
      }
    }
    this.vars.pop()
    void elseIf
    return {t: kind, pipe, list: body.nodes, elseList, pos: k.pos, line: k.line}
  }

  pipeline(context: string, allowDecl: boolean): Pipe {
    const first = this.peekNonSpace()
    const pipe: Pipe = {decl: [], isAssign: false, cmds: [], pos: first.pos, line: first.line}
    if (first.kind === 'variable') this.declarations(pipe, context, allowDecl)
    for (;;) {
      const t = this.peekNonSpace()
      if (t.kind === 'right' || t.kind === 'rparen') {
        if (t.kind === 'right') this.nonSpace()
        if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`, t)
        return pipe
      }
      if (t.kind === 'eof') this.fail(`unclosed action`, t)
      if (!COMMAND_START.has(t.kind)) this.fail(`unexpected ${tokDesc(t)} in ${context}`, t)
      pipe.cmds.push(this.command())
      const after = this.peekNonSpace()
      if (after.kind === 'pipe') this.nonSpace()
      else if (after.kind !== 'right' && after.kind !== 'rparen') this.fail(`unexpected ${tokDesc(after)} in operand`, after)
    }
  }

  declarations(pipe: Pipe, context: string, allowTwo: boolean): void {
    const save = this.i
    const v = this.nonSpace()
    const op = this.peekNonSpace()
    if (op.kind === 'declare' || op.kind === 'assign') {
      this.nonSpace()
      pipe.decl.push(v.val)
      pipe.isAssign = op.kind === 'assign'
      if (op.kind === 'declare') this.vars.at(-1)!.push(v.val)
      else if (!this.vars.at(-1)!.includes(v.val)) this.fail(`undefined variable "${v.val}"`, v)
      return
    }
    if (op.kind === 'comma' && allowTwo) {
      this.nonSpace()
      const v2 = this.nonSpace()
      const op2 = this.nonSpace()
      if (v2.kind !== 'variable' || (op2.kind !== 'declare' && op2.kind !== 'assign')) this.fail(`too many declarations in ${context}`, v2)
      pipe.decl.push(v.val, v2.val)
      pipe.isAssign = op2.kind === 'assign'
      this.vars.at(-1)!.push(v.val, v2.val)
      return
    }
    this.i = save
  }

  command(): Command {
    const start = this.peekNonSpace()
    const cmd: Command = {args: [], pos: start.pos, line: start.line}
    for (;;) {
      const t = this.peekNonSpace()
      if (t.kind === 'right' || t.kind === 'rparen' || t.kind === 'pipe') break
      // operands must be separated by spaces
      if (cmd.args.length > 0 && this.peek().kind !== 'space') this.fail(`unexpected ${tokDesc(this.peek())} in operand`)
      cmd.args.push(this.operand())
    }
    if (cmd.args.length === 0) this.fail('empty command', this.peek())
    return cmd
  }

  operand(): Arg {
    const t = this.nonSpace()
    let arg: Arg
    switch (t.kind) {
      case 'field':
        arg = {t: 'field', idents: [t.val.slice(1)], pos: t.pos}
        break
      case 'variable':
        if (!this.vars.at(-1)!.includes(t.val)) this.fail(`undefined variable "${t.val}"`, t)
        arg = {t: 'var', name: t.val, idents: [], pos: t.pos}
        break
      case 'dot':
        arg = {t: 'dot'}
        break
      case 'nil':
        arg = {t: 'nil'}
        break
      case 'bool':
        arg = {t: 'bool', value: t.val === 'true'}
        break
      case 'number':
        arg = parseNumber(t, (m) => this.fail(m, t))
        break
      case 'string':
      case 'rawstring':
        arg = {t: 'string', text: t.val, value: t.kind === 'rawstring' ? t.val.slice(1, -1) : unquote(t.val, (m) => this.fail(m, t))}
        break
      case 'char':
        arg = charConstant(t, (m) => this.fail(m, t))
        break
      case 'ident':
        if (!FUNCTION_NAMES.has(t.val)) this.fail(`function "${t.val}" not defined`, t)
        arg = {t: 'ident', name: t.val}
        break
      case 'lparen': {
        const pipe = this.pipeline('parenthesized pipeline', false)
        const close = this.nonSpace()
        if (close.kind !== 'rparen') this.fail(`unclosed left paren`, close)
        arg = {t: 'pipe', pipe}
        break
      }
      default:
        return this.fail(`unexpected ${tokDesc(t)} in operand`, t)
    }
    ;(arg as {pos?: number}).pos ??= t.pos
    // a field chain glued on (.a.b, $x.a, (pipe).a): Go's node takes the position of the chain's first link
    const fields: string[] = []
    const chainPos = this.peek().pos
    while (this.peek().kind === 'field') fields.push(this.next().val.slice(1))
    if (fields.length === 0) return arg
    if (arg.t === 'var') return {...arg, idents: fields, pos: chainPos}
    if (arg.t === 'field') return {...arg, idents: [...arg.idents, ...fields], pos: chainPos}
    if (arg.t === 'dot' || arg.t === 'nil' || arg.t === 'bool' || arg.t === 'number' || arg.t === 'string') this.fail(`unexpected . after term "${argString(arg)}"`, t)
    return {t: 'chain', node: arg, fields, pos: chainPos}
  }
}

const isEmptyTree = (nodes: Node[]): boolean => nodes.every((n) => n.t === 'text' && n.text.trim() === '')

const COMMAND_START = new Set(['bool', 'char', 'dot', 'field', 'ident', 'number', 'nil', 'rawstring', 'string', 'variable', 'lparen'])

/** Go's item.String(): EOF, <keyword>, or the quoted text (cut at 10 characters). */
function tokDesc(t: Token): string {
  if (t.kind === 'eof') return 'EOF'
  if (t.kind === 'keyword') return `<${t.val}>`
  if ([...t.val].length > 10) return `${goQuote([...t.val].slice(0, 10).join(''))}...`
  return goQuote(t.val)
}

function lexed(t: Token): Token {
  if (t.kind === 'error') throw new TemplateSyntaxError(t.val)
  return t
}

/** Parses a whole template; throws TemplateSyntaxError with Go's text. */
export function parseGoTemplate(name: string, text: string): ParsedTemplate {
  const p = new Parser(name, lex(name, text))
  const r = p.list('command')
  if (r.stop === 'end') p.fail('unexpected {{end}}', r.stopTok)
  if (r.stop === 'else') p.fail('unexpected {{else}}', r.stopTok)
  return {nodes: r.nodes, defs: p.defs}
}
