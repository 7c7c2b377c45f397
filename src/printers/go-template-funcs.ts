// text/template's builtin functions (and kubectl's exists, base64decode), with Go's error texts.
import {goQuote, isPrint} from '../machinery/go-format.js'
import {ExecError, GoInt, isMap, isTrue, MISSING, numKind, numValue, sprint, sprintS, sprintV, typeName, type TValue} from './go-template-values.js'

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other'

function basicKind(v: TValue): Kind {
  if (v === MISSING || v === null || v === undefined) return 'invalid'
  if (typeof v === 'boolean') return 'bool'
  const n = numKind(v)
  if (n) return n
  if (typeof v === 'string') return 'string'
  return 'other'
}

const num = numValue
const valid = (v: TValue): boolean => v !== MISSING && v !== null && v !== undefined

/** text/template's eq: basic kinds compare by value; a missing or nil operand is simply unequal. */
function eq(a: TValue, ...rest: TValue[]): boolean {
  if (rest.length === 0) throw new ExecError('missing argument for comparison')
  const k1 = basicKind(a)
  for (const b of rest) {
    const k2 = basicKind(b)
    let truth = false
    if (k1 !== k2) {
      if (valid(a) && valid(b)) throw new ExecError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`)
    } else if (k1 === 'int' || k1 === 'float') truth = num(a) === num(b)
    else if (k1 === 'other') throw new ExecError(`non-comparable type ${sprintS(b)}: ${typeName(b)}`)
    else truth = k1 === 'invalid' ? true : a === b
    if (truth) return true
  }
  return false
}

function lt(a: TValue, b: TValue): boolean {
  const k1 = basicKind(a)
  const k2 = basicKind(b)
  if (k1 === 'other' || k1 === 'bool' || k1 === 'invalid' || k2 === 'other' || k2 === 'bool' || k2 === 'invalid') throw new ExecError('invalid type for comparison')
  if (k1 !== k2) throw new ExecError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`)
  if (k1 === 'string') return (a as string) < (b as string)
  return num(a) < num(b)
}

function length(v: TValue): GoInt {
  if (typeof v === 'string') return new GoInt(Buffer.byteLength(v))
  if (Array.isArray(v)) return new GoInt(v.length)
  if (isMap(v)) return new GoInt(Object.keys(v).length)
  if (v === MISSING || v === null || v === undefined) throw new ExecError('reflect: call of reflect.Value.Type on zero Value')
  throw new ExecError(`len of type ${typeName(v)}`)
}

function index(item: TValue, ...keys: TValue[]): TValue {
  if (item === MISSING || item === null) throw new ExecError('index of untyped nil')
  let v: TValue = item
  for (const k of keys) {
    if (Array.isArray(v) || typeof v === 'string') {
      if (numKind(k) !== 'int') throw new ExecError(`cannot index slice/array with type ${typeName(k)}`)
      const i = num(k)
      const len = typeof v === 'string' ? Buffer.byteLength(v) : v.length
      if (i < 0 || i >= len) throw new ExecError(`index out of range: ${i}`)
      v = typeof v === 'string' ? new GoInt(Buffer.from(v)[i]) : v[i]
    } else if (isMap(v)) {
      if (typeof k !== 'string') throw new ExecError(`value has type ${typeName(k)}; should be string`)
      const m: Record<string, unknown> = v
      v = Object.prototype.hasOwnProperty.call(m, k) ? m[k] : MISSING
    } else if (v === null || v === MISSING) {
      throw new ExecError('index of untyped nil')
    } else {
      throw new ExecError(`can't index item of type ${typeName(v)}`)
    }
  }
  return v === MISSING ? null : v
}

function escapeHtml(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({'\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;'})[c]!)
}

function escapeJs(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '\\') out += '\\\\'
    else if (ch === "'") out += "\\'"
    else if (ch === '"') out += '\\"'
    else if (ch === '<') out += '\\u003C'
    else if (ch === '>') out += '\\u003E'
    else if (ch === '&') out += '\\u0026'
    else if (ch === '=') out += '\\u003D'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || !isPrint(c)) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0')
    else out += ch
  }
  return out
}

function urlQuery(s: string): string {
  // url.QueryEscape: spaces become +, unreserved characters stay
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

function evalArgsText(args: TValue[]): string {
  // html/js/urlquery with one string argument use it as is; otherwise fmt.Sprint
  return args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args)
}

function base64decode(v: TValue): string {
  if (typeof v !== 'string') throw new ExecError(`wrong type for value; expected string; got ${typeName(v)}`)
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) {
    const bad = v.search(/[^A-Za-z0-9+/=]/)
    const at = bad >= 0 ? bad : v.length - (v.length % 4 || 4)
    throw new ExecError(`base64 decode failed: illegal base64 data at input byte ${at}`)
  }
  return Buffer.from(v, 'base64').toString('latin1') === '' ? '' : Buffer.from(v, 'base64').toString('utf8')
}

/** slice x i j: x[i:j] of a string or a list (a third index only for lists). */
function slice(item: TValue, idx: TValue[]): TValue {
  if (item === MISSING || item === null) throw new ExecError('slice of untyped nil')
  if (idx.length > 3) throw new ExecError(`too many slice indexes: ${idx.length}`)
  if (typeof item !== 'string' && !Array.isArray(item)) throw new ExecError(`can't slice item of type ${typeName(item)}`)
  if (typeof item === 'string' && idx.length === 3) throw new ExecError('cannot 3-index slice a string')
  const len = typeof item === 'string' ? Buffer.byteLength(item) : item.length
  const ix = [0, len, len]
  idx.forEach((k, i) => {
    if (numKind(k) !== 'int') throw new ExecError(`cannot index slice/array with type ${typeName(k)}`)
    const x = num(k)
    if (x < 0 || x > len) throw new ExecError(`index out of range: ${x}`)
    ix[i] = x
  })
  if (ix[0] > ix[1]) throw new ExecError(`invalid slice index: ${ix[0]} > ${ix[1]}`)
  if (typeof item === 'string') return Buffer.from(item).subarray(ix[0], ix[1]).toString()
  if (idx.length === 3 && ix[1] > ix[2]) throw new ExecError(`invalid slice index: ${ix[1]} > ${ix[2]}`)
  return item.slice(ix[0], ix[1])
}

function exists(item: TValue, ...keys: TValue[]): boolean {
  let v = item
  for (const k of keys) {
    if (isMap(v) && typeof k === 'string' && Object.prototype.hasOwnProperty.call(v, k)) v = v[k]
    else if (Array.isArray(v) && numKind(k) === 'int' && num(k) >= 0 && num(k) < v.length) v = v[num(k)]
    else return false
  }
  return true
}

export type Builtin = (args: TValue[]) => TValue

export const BUILTINS: Record<string, Builtin> = {
  not: ([a]) => !isTrue(a),
  len: ([a]) => length(a),
  index: ([a, ...k]) => index(a, ...k),
  print: (args) => sprint(args),
  println: (args) => args.map((a) => (a === MISSING ? '<nil>' : sprintV(a))).join(' ') + '\n',
  printf: ([f, ...args]) => goSprintf(String(f), args),
  html: (args) => escapeHtml(evalArgsText(args)),
  js: (args) => escapeJs(evalArgsText(args)),
  urlquery: (args) => urlQuery(evalArgsText(args)),
  eq: ([a, ...b]) => eq(a, ...b),
  ne: ([a, b]) => !eq(a, b),
  lt: ([a, b]) => lt(a, b),
  le: ([a, b]) => lt(a, b) || eq(a, b),
  gt: ([a, b]) => !lt(a, b) && !eq(a, b),
  ge: ([a, b]) => !lt(a, b),
  exists: ([a, ...k]) => exists(a, ...k),
  slice: ([a, ...k]) => slice(a, k),
  call: ([fn]) => {
    throw new ExecError(fn === MISSING || fn === null ? 'call of nil' : `non-function of type ${typeName(fn)}`)
  },
  base64decode: ([a]) => base64decode(a),
}

/** Go's fmt.Sprintf for the verbs templates use: %v %s %d %q %f %g %e %t %x %X %o %c %%, flags and widths. */
export function goSprintf(format: string, args: TValue[]): string {
  let out = ''
  let ai = 0
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([\s\S])/gy
  let i = 0
  while (i < format.length) {
    const pct = format.indexOf('%', i)
    if (pct < 0) {
      out += format.slice(i)
      break
    }
    out += format.slice(i, pct)
    re.lastIndex = pct
    const m = re.exec(format)
    if (!m) {
      out += '%!(NOVERB)'
      break
    }
    i = re.lastIndex
    const [, flags, width, prec, verb] = m
    if (verb === '%') {
      out += '%'
      continue
    }
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`
      continue
    }
    let text = formatVerb(verb, args[ai], prec === undefined ? undefined : Number(prec))
    if (flags.includes('+') && numKind(args[ai]) && 'dfFeEgv'.includes(verb) && !text.startsWith('-')) text = '+' + text
    ai++
    out += pad(text, flags, width ? Number(width) : 0)
  }
  if (ai < args.length) out += '%!(EXTRA ' + args.slice(ai).map((a) => `${typeName(a)}=${sprintV(a)}`).join(', ') + ')'
  return out
}

function pad(s: string, flags: string, width: number): string {
  if (s.length >= width) return s
  if (flags.includes('-')) return s.padEnd(width)
  if (flags.includes('0') && /^[-+]?[0-9.]/.test(s)) {
    const sign = /^[-+]/.test(s) ? s[0] : ''
    return sign + s.slice(sign.length).padStart(width - sign.length, '0')
  }
  return s.padStart(width)
}

function bad(verb: string, v: TValue): string {
  return `%!${verb}(${typeName(v)}=${sprintV(v)})`
}

function formatVerb(verb: string, v: TValue, prec: number | undefined): string {
  if (v === MISSING || v === null) return verb === 'T' || verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`
  switch (verb) {
    case 'v':
      return sprintV(v)
    case 'T':
      return typeName(v)
    case 's':
      return typeof v === 'string' ? (prec === undefined ? v : [...v].slice(0, prec).join('')) : sprintS(v)
    case 'q':
      return typeof v === 'string' ? goQuote(v) : numKind(v) === 'int' ? `'${String.fromCodePoint(num(v))}'` : bad(verb, v)
    case 'd':
      return numKind(v) === 'int' ? String(num(v)) : bad(verb, v)
    case 't':
      return typeof v === 'boolean' ? String(v) : bad(verb, v)
    case 'f':
    case 'F':
      return numKind(v) === 'float' ? num(v).toFixed(prec ?? 6) : bad(verb, v)
    case 'e':
      return numKind(v) === 'float' ? num(v).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : bad(verb, v)
    case 'g':
      return numKind(v) === 'float' ? sprintV(v) : bad(verb, v)
    case 'x':
    case 'X': {
      const s = numKind(v) === 'int' ? num(v).toString(16) : typeof v === 'string' ? Buffer.from(v).toString('hex') : undefined
      if (s === undefined) return bad(verb, v)
      return verb === 'X' ? s.toUpperCase() : s
    }
    case 'o':
      return numKind(v) === 'int' ? num(v).toString(8) : bad(verb, v)
    case 'c':
      return numKind(v) === 'int' ? String.fromCodePoint(num(v)) : bad(verb, v)
    default:
      return bad(verb, v)
  }
}
