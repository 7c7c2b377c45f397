// How Go prints the values kubectl's JSONPath engine walks: objects decoded as unstructured maps
// (ints are int64, other numbers float64, null is a nil interface), formatted by fmt (%v, %#v, %q)
// and encoding/json. The JSONPath, custom-columns and sort-by printers all print through these.

/** A float64 that came from a template literal (`{1.5}`, `@.x>1.0`): never an int, even when whole. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A uint8: what `[*]` or `..` yields for each byte of a string. */
export class GoByte {
  constructor(readonly value: number) {}
}

/** reflect.ValueOf(nil): the data a `range` over nothing (or over a null item) runs on. */
export const INVALID: unique symbol = Symbol('invalid reflect.Value')

/** Any value the JSONPath engine handles. */
export type GoValue = unknown

/** A JSON number decoded by kubectl's unstructured decoder is an int64 when it is whole. */
export function isGoInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63
}

/** A plain JSON object (a map[string]interface{} in Go). */
export function isGoMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat) && !(v instanceof GoByte)
}

/** Whether a map holds a key (a key holding undefined does not exist in JSON). */
export function hasKey(m: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key) && m[key] !== undefined
}

/** Keys of a map in the order Go's fmt and encoding/json print them (bytewise). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort((a, b) => (goStringLess(a, b) ? -1 : goStringLess(b, a) ? 1 : 0))
}

/** Go's `a < b` on strings: bytewise on UTF-8, which is code point order. */
export function goStringLess(a: string, b: string): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!
    const cb = b.codePointAt(j)!
    if (ca !== cb) return ca < cb
    i += ca > 0xffff ? 2 : 1
    j += cb > 0xffff ? 2 : 1
  }
  return a.length - i < b.length - j
}

/** The reflect type name Go reports for a value (`map[string]interface {}`, `int64`, ...). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined || v === INVALID) return '<nil>'
  if (Array.isArray(v)) return '[]interface {}'
  if (v instanceof GoFloat) return 'float64'
  if (v instanceof GoByte) return 'uint8'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64'
  return 'map[string]interface {}'
}

/** fmt's %v of a float64 (strconv 'g', shortest): exponent form below 1e-4 and from 1e+06 on. */
export function goFloatV(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const [mant, expText] = n.toExponential().split('e')
  const exp = Number(expText)
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp)
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`
  }
  const digits = mant.replace('-', '').replace('.', '')
  const sign = n < 0 ? '-' : ''
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length)
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
}

function scalarV(v: unknown): string | undefined {
  if (v === null || v === undefined) return '<nil>'
  if (v === INVALID) return '<invalid reflect.Value>'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (v instanceof GoByte) return String(v.value)
  if (v instanceof GoFloat) return goFloatV(v.value)
  if (typeof v === 'number') return isGoInt(v) ? String(v) : goFloatV(v)
  return undefined
}

/** fmt.Sprint / %v: `map[a:1 b:x]`, `[a b]`, `<nil>`, numbers and strings bare. */
export function goSprint(v: unknown): string {
  const s = scalarV(v)
  if (s !== undefined) return s
  return goSprintComposite(v, goSprint)
}

/** %v of a slice or map, its elements formatted by `elem`: `[a b]`, `map[a:1 b:x]` (keys sorted, as fmt does). */
export function goSprintComposite(v: unknown, elem: (x: unknown) => string): string {
  if (Array.isArray(v)) return `[${v.map((x) => elem(x)).join(' ')}]`
  const m = v as Record<string, unknown>
  return `map[${sortedKeys(m)
    .map((k) => `${k}:${elem(m[k])}`)
    .join(' ')}]`
}

/** fmt's %#v of an unstructured value, as kubectl prints the object in JSONPath errors. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (typeof v === 'string') return goQuote(v)
  if (v instanceof GoByte) return `0x${v.value.toString(16)}`
  const s = scalarV(v)
  if (s !== undefined) return s
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`
  const m = v as Record<string, unknown>
  return `map[string]interface {}{${sortedKeys(m)
    .map((k) => `${goQuote(k)}:${goSharpV(m[k])}`)
    .join(', ')}}`
}

const QUOTE_ESCAPES: Record<string, string> = {'\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"'}

/** strconv.Quote (the %q verb): printable runes stay, others are escaped. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (QUOTE_ESCAPES[ch]) out += QUOTE_ESCAPES[ch]
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else if (!isPrint(cp)) out += cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

/** strconv.IsPrint for the characters kubectl users meet (letters, marks, numbers, punctuation, symbols, U+0020). */
export function isPrint(cp: number): boolean {
  if (cp === 0x20) return true
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp))
}

/** fmt's %#U: `U+0023 '#'` (the character only when printable). */
export function goRuneU(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0')
  return isPrint(cp) ? `U+${hex} '${String.fromCodePoint(cp)}'` : `U+${hex}`
}

const JSON_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

function jsonString(s: string): string {
  // lone surrogates cannot come out of Go's decoder: they are U+FFFD there
  const clean = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  return JSON.stringify(clean).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c])
}

function jsonNumber(n: number): string {
  return Number.isFinite(n) ? JSON.stringify(n) : 'null'
}

/** encoding/json.Marshal (compact), or MarshalIndent with `indent` per level. Map keys are sorted. */
export function goJson(v: unknown, indent = '', level = 0): string {
  if (v === null || v === undefined || v === INVALID) return 'null'
  if (typeof v === 'string') return jsonString(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return jsonNumber(v)
  if (v instanceof GoFloat || v instanceof GoByte) return jsonNumber(v.value)
  const nl = indent ? '\n' + indent.repeat(level + 1) : ''
  const end = indent ? '\n' + indent.repeat(level) : ''
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[${nl}${v.map((x) => goJson(x, indent, level + 1)).join(',' + nl)}${end}]`
  }
  const m = v as Record<string, unknown>
  const keys = sortedKeys(m)
  if (keys.length === 0) return '{}'
  const sep = indent ? ': ' : ':'
  return `{${nl}${keys.map((k) => jsonString(k) + sep + goJson(m[k], indent, level + 1)).join(',' + nl)}${end}}`
}

const INT64_MAX = 2n ** 63n - 1n

/** strconv.Atoi: an int64, or undefined when the text is not one. */
export function goAtoi(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined
  const v = BigInt(text)
  return v > INT64_MAX || v < -INT64_MAX - 1n ? undefined : Number(v)
}

const SIMPLE_ESCAPES: Record<string, number> = {a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92}

/** client-go's UnquoteExtend: strconv.Unquote that also accepts single quotes; undefined on bad syntax. */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined
  const quote = s[0]
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined
  const body = s.slice(1, -1)
  if (!body.includes('\\') && !body.includes(quote)) return body
  const bytes: number[] = []
  const enc = new TextEncoder()
  let i = 0
  while (i < body.length) {
    const c = body[i]
    if (c === quote) return undefined
    if (c !== '\\') {
      const cp = body.codePointAt(i)!
      const ch = String.fromCodePoint(cp)
      bytes.push(...enc.encode(ch))
      i += ch.length
      continue
    }
    if (i + 1 >= body.length) return undefined
    const e = body[i + 1]
    i += 2
    if (e in SIMPLE_ESCAPES) bytes.push(SIMPLE_ESCAPES[e])
    else if (e === "'" || e === '"') {
      if (e !== quote) return undefined
      bytes.push(e.charCodeAt(0))
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i, i + n)
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined
      i += n
      const v = parseInt(hex, 16)
      if (e === 'x') bytes.push(v)
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined
      else bytes.push(...enc.encode(String.fromCodePoint(v)))
    } else if (e >= '0' && e <= '7') {
      const oct = e + body.slice(i, i + 2)
      if (!/^[0-7]{3}$/.test(oct)) return undefined
      i += 2
      const v = parseInt(oct, 8)
      if (v > 255) return undefined
      bytes.push(v)
    } else return undefined
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/**
 * encoding/json.Indent with no prefix: each element on its own line, `indent` per level, `": "` after
 * keys, insignificant whitespace dropped; leading whitespace of `src` dropped, trailing kept. `src` must
 * be valid JSON (its keys keep their order).
 */
export function goJsonIndent(src: string, indent: string): string {
  const body = src.replace(/^[ \t\r\n]+/, '')
  const trailing = /[ \t\r\n]*$/.exec(body)![0]
  const text = body.slice(0, body.length - trailing.length)
  let out = ''
  let depth = 0
  const newline = (): string => '\n' + indent.repeat(depth)
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      let j = i + 1
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j
    } else if (c === '{' || c === '[') {
      // an empty object or array stays on its line
      let j = i + 1
      while (' \t\r\n'.includes(text[j])) j++
      if (text[j] === (c === '{' ? '}' : ']')) {
        out += c + text[j]
        i = j
        continue
      }
      depth++
      out += c + newline()
    } else if (c === '}' || c === ']') {
      depth--
      out += newline() + c
    } else if (c === ',') out += ',' + newline()
    else if (c === ':') out += ': '
    else if (!' \t\r\n'.includes(c)) out += c
  }
  return out + trailing
}
