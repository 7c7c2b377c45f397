// Executes a parsed Go template over kubectl's decoded object, as text/template's exec.go does (with
// missingkey=default: a missing key is `<no value>`), reporting errors in Go's words and positions.
import {BUILTINS} from './go-template-funcs.js'
import {argString, commandString, templateNodeString, type Arg, type Command, type Node, type ParsedTemplate, type Pipe} from './go-template-parse.js'
import {ExecError, GoFloat64, GoInt, isMap, numKind, isTrue, MISSING, sprintV, typeName, type TValue} from './go-template-values.js'

class Break {}
class Continue {}

export class Exec {
  private vars: {name: string; value: TValue}[] = []
  out = ''
  private at: {pos: number; text: string} = {pos: 0, text: ''}
  private defs = new Map<string, Node[]>()
  private depth = 0

  constructor(
    private readonly name: string,
    private readonly src: string,
  ) {}

  run(tpl: ParsedTemplate, data: TValue): string {
    this.vars = [{name: '$', value: data}]
    this.defs = tpl.defs
    try {
      this.walkList(data, tpl.nodes)
    } catch (e) {
      if (e instanceof ExecError && !e.message.startsWith('template: ')) throw new ExecError(this.context(e.message))
      throw e
    }
    return this.out
  }

  private context(msg: string): string {
    const before = this.src.slice(0, this.at.pos)
    const line = before.split('\n').length
    const col = this.at.pos - (before.lastIndexOf('\n') + 1)
    return `template: ${this.name}:${line}:${col}: executing "${this.name}" at <${this.at.text}>: ${msg}`
  }

  private mark(pos: number, text: string): void {
    this.at = {pos, text}
  }

  private walkList(dot: TValue, nodes: Node[]): void {
    for (const n of nodes) this.walk(dot, n)
  }

  private walk(dot: TValue, n: Node): void {
    switch (n.t) {
      case 'text':
        this.out += n.text
        return
      case 'action': {
        const v = this.pipeline(dot, n.pipe)
        if (n.pipe.decl.length === 0) this.out += sprintV(v)
        return
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length
        const v = this.pipeline(dot, n.pipe)
        if (isTrue(v)) this.walkList(n.t === 'with' ? v : dot, n.list)
        else if (n.elseList) this.walkList(dot, n.elseList)
        this.vars.length = mark
        return
      }
      case 'range':
        return this.range(dot, n)
      case 'template':
        return this.template(dot, n)
      case 'break':
        throw new Break()
      case 'continue':
        throw new Continue()
    }
  }

  private template(dot: TValue, n: Extract<Node, {t: 'template'}>): void {
    const body = this.defs.get(n.name)
    if (!body) {
      this.mark(n.pos, templateNodeString(n))
      throw new ExecError(`template ${JSON.stringify(n.name)} not defined`)
    }
    if (++this.depth > 100000) throw new ExecError('exceeded maximum template depth (100000)')
    const value = n.pipe ? this.pipeline(dot, n.pipe) : MISSING
    const saved = this.vars
    this.vars = [{name: '$', value}]
    try {
      this.walkList(value, body)
    } finally {
      this.vars = saved
      this.depth--
    }
  }

  private range(dot: TValue, n: Extract<Node, {list: Node[]}>): void {
    const mark = this.vars.length
    const v = this.pipeline(dot, {...n.pipe, decl: []})
    const items: [TValue, TValue][] = []
    if (Array.isArray(v)) v.forEach((x, i) => items.push([new GoInt(i), x]))
    else if (isMap(v)) for (const k of Object.keys(v).sort()) items.push([k, v[k]])
    else if (numKind(v) === 'int') {
      // Go 1.22: range over an integer n yields 0..n-1, of the integer's own type
      const n = v instanceof GoInt ? v.value : (v as number)
      for (let i = 0; i < n; i++) items.push([v instanceof GoInt ? new GoInt(i) : i, v instanceof GoInt ? new GoInt(i) : i])
    }
    else if (v !== MISSING && v !== null) {
      this.mark(n.pipe.pos, '')
      throw new ExecError(`range can't iterate over ${sprintV(v)}`)
    }
    for (const [k, x] of items) {
      const inner = this.vars.length
      if (n.pipe.decl.length === 1) this.vars.push({name: n.pipe.decl[0], value: x})
      if (n.pipe.decl.length === 2) this.vars.push({name: n.pipe.decl[0], value: k}, {name: n.pipe.decl[1], value: x})
      try {
        this.walkList(x, n.list)
      } catch (e) {
        if (e instanceof Break) break
        if (!(e instanceof Continue)) throw e
      } finally {
        this.vars.length = inner
      }
    }
    if (items.length === 0 && n.elseList) this.walkList(dot, n.elseList)
    this.vars.length = mark
  }

  private pipeline(dot: TValue, p: Pipe): TValue {
    let value: TValue = undefined
    for (const c of p.cmds) value = this.command(dot, c, value)
    // interface{} values are unwrapped: a nil interface becomes the invalid value
    if (value === null) value = MISSING
    for (const name of p.decl) {
      if (p.isAssign) {
        const v = [...this.vars].reverse().find((x) => x.name === name)
        if (v) v.value = value
      } else this.vars.push({name, value})
    }
    return value
  }

  private command(dot: TValue, c: Command, final: TValue): TValue {
    const first = c.args[0]
    this.mark(c.pos, commandString(c))
    switch (first.t) {
      case 'ident':
        return this.call(dot, first.name, c, final)
      case 'field':
        this.mark(first.pos, argString(first))
        this.noArgs(c, final, first)
        return this.fieldChain(dot, dot, first.idents, argString(first), first.pos)
      case 'var': {
        this.mark(first.pos, argString(first))
        this.noArgs(c, final, first)
        const v = this.variable(first.name)
        return first.idents.length ? this.fieldChain(dot, v, first.idents, argString(first), first.pos) : v
      }
      case 'chain': {
        this.mark(first.pos, argString(first))
        this.noArgs(c, final, first)
        return this.fieldChain(dot, this.arg(dot, first.node), first.fields, argString(first), first.pos)
      }
      case 'pipe':
        this.noArgs(c, final, first)
        return this.pipeline(dot, first.pipe)
      case 'nil':
        throw new ExecError('nil is not a command')
      default:
        this.noArgs(c, final, first)
        return this.arg(dot, first)
    }
  }

  private noArgs(c: Command, final: TValue, first: Arg): void {
    if (c.args.length > 1 || final !== undefined) {
      if (first.t === 'field' || first.t === 'var' || first.t === 'chain') {
        const last = first.t === 'chain' ? first.fields.at(-1) : first.idents.at(-1)
        if (last !== undefined) throw new ExecError(`${last} is not a method but has arguments`)
      }
      throw new ExecError(`can't give argument to non-function ${argString(first)}`)
    }
  }

  private variable(name: string): TValue {
    const v = [...this.vars].reverse().find((x) => x.name === name)
    if (!v) throw new ExecError(`undefined variable: ${name}`)
    return v.value
  }

  private fieldChain(_dot: TValue, receiver: TValue, idents: string[], text: string, pos: number): TValue {
    let v = receiver
    let typ = v === receiver && receiver !== null && isMap(receiver) ? 'map[string]interface {}' : 'interface {}'
    for (const [i, id] of idents.entries()) {
      if (v === MISSING) return MISSING
      if (v === null || v === undefined) {
        this.mark(pos, text)
        throw new ExecError(`nil pointer evaluating ${typ}.${id}`)
      }
      if (!isMap(v)) {
        this.mark(pos, text)
        throw new ExecError(`can't evaluate field ${id} in type ${i === 0 && typ !== 'interface {}' ? typeName(v) : 'interface {}'}`)
      }
      v = Object.prototype.hasOwnProperty.call(v, id) && v[id] !== undefined ? v[id] : MISSING
      typ = 'interface {}'
    }
    return v
  }

  private arg(dot: TValue, a: Arg): TValue {
    switch (a.t) {
      case 'dot':
        return dot
      case 'nil':
        return null
      case 'bool':
        return a.value
      case 'number':
        return a.isInt ? new GoInt(a.value) : new GoFloat64(a.value)
      case 'string':
        return a.value
      case 'field':
        return this.fieldChain(dot, dot, a.idents, argString(a), a.pos)
      case 'var': {
        const v = this.variable(a.name)
        return a.idents.length ? this.fieldChain(dot, v, a.idents, argString(a), a.pos) : v
      }
      case 'pipe':
        return this.pipeline(dot, a.pipe)
      case 'chain':
        return this.fieldChain(dot, this.arg(dot, a.node), a.fields, argString(a), a.pos)
      case 'ident':
        return this.call(dot, a.name, {args: [a], pos: this.at.pos, line: 0}, undefined)
    }
  }

  private call(dot: TValue, name: string, c: Command, final: TValue): TValue {
    const rest = c.args.slice(1)
    const count = rest.length + (final === undefined ? 0 : 1)
    // Go checks the count with the identifier as the current node, before evaluating any argument
    this.mark(c.pos, name)
    const [min, max] = ARITY[name] ?? [0, Infinity]
    if (count < min || count > max) {
      throw new ExecError(`wrong number of args for ${name}: want ${min === max ? min : 'at least ' + min} got ${count}`)
    }
    if (name === 'and' || name === 'or') {
      const all = [...rest.map((a) => () => this.arg(dot, a)), ...(final === undefined ? [] : [() => final])]
      let v: TValue = MISSING
      for (const get of all) {
        v = get()
        if (isTrue(v) === (name === 'or')) return v
      }
      return v
    }
    const args = rest.map((a, i) => this.typedArg(dot, a, STRING_PARAM[name] === i))
    if (final !== undefined) args.push(final)
    this.mark(c.pos, commandString(c))
    try {
      return BUILTINS[name](args)
    } catch (e) {
      if (e instanceof ExecError) throw new ExecError(`error calling ${name}: ${e.message}`)
      throw e
    }
  }

  /** An argument for a `string` parameter (printf's format, base64decode's value) must be one. */
  private typedArg(dot: TValue, a: Arg, wantString: boolean): TValue {
    if (wantString && (a.t === 'number' || a.t === 'bool' || a.t === 'nil' || a.t === 'dot')) {
      // a literal of the wrong kind fails as Go's evalString does, at the literal
      this.mark((a as {pos?: number}).pos ?? 0, argString(a))
      throw new ExecError(`expected string; found ${argString(a)}`)
    }
    const v = this.arg(dot, a)
    if (!wantString || typeof v === 'string') return v
    this.mark((a as {pos?: number}).pos ?? 0, argString(a))
    if (v === MISSING) throw new ExecError('invalid value; expected string')
    throw new ExecError(`wrong type for value; expected string; got ${v === null ? 'interface {}' : typeName(v)}`)
  }
}

const ARITY: Record<string, [number, number]> = {
  and: [1, Infinity], or: [1, Infinity], not: [1, 1], len: [1, 1], index: [1, Infinity], slice: [1, Infinity], call: [1, Infinity],
  printf: [1, Infinity], eq: [1, Infinity], ne: [2, 2], lt: [2, 2], le: [2, 2], gt: [2, 2], ge: [2, 2], exists: [1, Infinity],
  base64decode: [1, 1],
}

/** Which argument of a builtin is a Go `string` parameter. */
const STRING_PARAM: Record<string, number> = {printf: 0, base64decode: 0}
