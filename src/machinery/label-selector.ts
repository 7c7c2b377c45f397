// The label selector syntax of apimachinery's labels package (labels.Parse, NewRequirement): lexer,
// recursive-descent parser and requirement validation, with the API server's exact error text.
import {fieldErr, fieldErrorText, type FieldError} from './field-errors.js'
import {isQualifiedName, isValidLabelValue} from './names.js'

/** selection.Operator values, as Requirement.String() and the parser's messages spell them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!'

/** One requirement of a selector: key, operator and values (sorted and deduplicated when parsed). */
export interface LabelRequirement {
  key: string
  operator: LabelOperator
  values: string[]
}

/** A selector: every requirement must match. `nothing` is labels.Nothing() (a nil metav1 selector). */
export interface LabelSelector {
  requirements: LabelRequirement[]
  nothing?: boolean
}

/** A selector the API server rejects; `message` is its text (kubectl shows it after `Error from server (BadRequest): `). */
export class SelectorError extends Error {
  override name = 'SelectorError'
}

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']
const INT64 = /^[+-]?\d+$/

/** strconv.ParseInt(s, 10, 64), or undefined. */
export function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined
  const v = BigInt(s)
  return v > 2n ** 63n - 1n || v < -(2n ** 63n) ? undefined : v
}

/** An aggregate of errors as utilerrors prints it: one alone, several as `[a, b]` without repeats. */
function aggregate(errs: FieldError[]): string {
  const msgs = [...new Set(errs.map(fieldErrorText))]
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`
}

/** labels.NewRequirement: validates and builds one requirement (`path` prefixes the field names). */
export function newRequirement(key: string, operator: LabelOperator, values: string[] | null, path = ''): LabelRequirement {
  const errs: FieldError[] = []
  const at = (child: string): string => (path ? `${path}.${child}` : child)
  const keyMsgs = isQualifiedName(key)
  if (keyMsgs.length > 0) errs.push(fieldErr.invalid(at('key'), key, keyMsgs.join('; ')))
  const vals = values ?? []
  if ((operator === 'in' || operator === 'notin') && vals.length === 0) {
    errs.push(fieldErr.invalid(at('values'), values, "for 'in', 'notin' operators, values set can't be empty"))
  }
  if ((operator === '=' || operator === '==' || operator === '!=') && vals.length !== 1) {
    errs.push(fieldErr.invalid(at('values'), values, 'exact-match compatibility requires one single value'))
  }
  if ((operator === 'exists' || operator === '!') && vals.length !== 0) {
    errs.push(fieldErr.invalid(at('values'), values, 'values set must be empty for exists and does not exist'))
  }
  if (operator === 'gt' || operator === 'lt') {
    if (vals.length !== 1) errs.push(fieldErr.invalid(at('values'), values, "for 'Gt', 'Lt' operators, exactly one value is required"))
    vals.forEach((v, i) => {
      if (parseInt64(v) === undefined) errs.push(fieldErr.invalid(`${at('values')}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"))
    })
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v)
    if (msgs.length > 0) errs.push(fieldErr.invalid(`${at('values')}[${i}][${key}]`, v, msgs.join('; ')))
  })
  if (errs.length > 0) throw new SelectorError(aggregate(errs))
  return {key, operator, values: vals}
}

/** Go's bytewise string order, as a comparator. */
export function byteLess(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** Requirements sorted by key, as Selector.Add leaves them. */
export const sortByKey = (reqs: LabelRequirement[]): LabelRequirement[] => reqs.slice().sort((a, b) => byteLess(a.key, b.key))

/** labels.Parse: the selector kubectl sends with `-l`/`--selector`, parsed as the API server parses it. */
export function parseLabelSelector(text: string): LabelSelector {
  const p = new SelectorParser(lex(text))
  return {requirements: sortByKey(p.parse())}
}

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '('

interface Item {
  tok: Tok
  lit: string
}

const SPECIAL = '=!(),><'
const WHITESPACE = ' \t\r\n'
const KEYWORDS: Record<string, Tok> = {')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '('}

/** The selector Lexer: identifiers run to the next special character or whitespace. */
function lex(s: string): Item[] {
  const items: Item[] = []
  let pos = 0
  for (;;) {
    while (pos < s.length && WHITESPACE.includes(s[pos])) pos++
    if (pos >= s.length) {
      items.push({tok: 'eos', lit: ''})
      return items
    }
    let buf = ''
    if (SPECIAL.includes(s[pos])) {
      let last: Item | undefined
      while (pos < s.length && SPECIAL.includes(s[pos])) {
        buf += s[pos]
        if (buf in KEYWORDS) last = {tok: KEYWORDS[buf], lit: buf}
        else if (last) break
        pos++
      }
      items.push(last ?? {tok: 'error', lit: `error expected: keyword found '${buf}'`})
    } else {
      while (pos < s.length && !SPECIAL.includes(s[pos]) && !WHITESPACE.includes(s[pos])) buf += s[pos++]
      items.push({tok: Object.prototype.hasOwnProperty.call(KEYWORDS, buf) ? KEYWORDS[buf] : 'id', lit: buf})
    }
  }
}

class SelectorParser {
  private position = 0

  constructor(private readonly items: Item[]) {}

  /** In value context the keywords `in`/`notin` are plain identifiers. */
  private lookahead(values: boolean): Item {
    const it = this.items[this.position]
    return values && (it.tok === 'in' || it.tok === 'notin') ? {tok: 'id', lit: it.lit} : it
  }

  private consume(values: boolean): Item {
    const it = this.lookahead(values)
    this.position++
    return it
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = []
    for (;;) {
      const {tok, lit} = this.lookahead(true)
      if (tok === 'eos') return reqs
      if (tok !== 'id' && tok !== '!') throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`)
      try {
        reqs.push(this.requirement())
      } catch (e) {
        if (e instanceof SelectorError) throw new SelectorError(`unable to parse requirement: ${e.message}`)
        throw e
      }
      const t = this.consume(true)
      if (t.tok === 'eos') return reqs
      if (t.tok !== ',') throw new SelectorError(`found '${t.lit}', expected: ',' or 'end of string'`)
      const next = this.lookahead(true)
      if (next.tok !== 'id' && next.tok !== '!') throw new SelectorError(`found '${next.lit}', expected: identifier after ','`)
    }
  }

  private requirement(): LabelRequirement {
    let exists: LabelOperator | undefined
    let t = this.consume(true)
    if (t.tok === '!') {
      exists = '!'
      t = this.consume(true)
    }
    if (t.tok !== 'id') throw new SelectorError(`found '${t.lit}', expected: identifier`)
    const key = t.lit
    // validateLabelKey with the parser's nil field path, which prints as `<nil>`
    const keyMsgs = isQualifiedName(key)
    if (keyMsgs.length > 0) throw new SelectorError(fieldErrorText(fieldErr.invalid('<nil>', key, keyMsgs.join('; '))))
    const next = this.lookahead(true).tok
    if (exists === '!' || next === 'eos' || next === ',') return newRequirement(key, exists ?? 'exists', [])
    const op = this.operator()
    const values = op === 'in' || op === 'notin' ? this.setValues() : this.exactValue()
    return newRequirement(key, op, [...new Set(values)].sort(byteLess))
  }

  private operator(): LabelOperator {
    const {tok, lit} = this.consume(false)
    const ops: Partial<Record<Tok, LabelOperator>> = {in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!='}
    const op = ops[tok]
    if (!op) throw new SelectorError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`)
    return op
  }

  private setValues(): string[] {
    const open = this.consume(true)
    if (open.tok !== '(') throw new SelectorError(`found '${open.lit}' expected: '('`)
    const {tok, lit} = this.lookahead(true)
    if (tok === ')') {
      this.consume(true)
      return ['']
    }
    if (tok !== 'id' && tok !== ',') throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`)
    const values = this.identifiers()
    if (this.consume(true).tok !== ')') throw new SelectorError(`found '${lit}', expected: ')'`)
    return values
  }

  private identifiers(): string[] {
    const s: string[] = []
    for (;;) {
      const {tok, lit} = this.consume(true)
      if (tok === 'id') {
        s.push(lit)
        const next = this.lookahead(true)
        if (next.tok === ',') continue
        if (next.tok === ')') return s
        throw new SelectorError(`found '${next.lit}', expected: ',' or ')'`)
      } else if (tok === ',') {
        if (s.length === 0) s.push('')
        const next = this.lookahead(true).tok
        if (next === ')') {
          s.push('')
          return s
        }
        if (next === ',') {
          this.consume(true)
          s.push('')
        }
      } else throw new SelectorError(`found '${lit}', expected: ',', or identifier`)
    }
  }

  private exactValue(): string[] {
    const next = this.lookahead(true).tok
    if (next === 'eos' || next === ',') return ['']
    const {tok, lit} = this.consume(true)
    if (tok === 'id') return [lit]
    throw new SelectorError(`found '${lit}', expected: identifier`)
  }
}
