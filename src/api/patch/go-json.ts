// Parsing a request body as Go's encoding/json does, failing with its syntax error texts
// (`invalid character 'b' looking for beginning of object key string`), which the API server returns.
import type {Json} from './merge-patch.js'

/** A body that is not JSON; `message` is encoding/json's. */
export class GoJsonError extends Error {
  override name = 'GoJsonError'
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''"
  if (c === '"') return `'"'`
  const q = JSON.stringify(c)
  return `'${q.slice(1, -1)}'`
}

/** Parses `text` or throws GoJsonError with the message json.Unmarshal would give. */
export function parseGoJson(text: string): Json {
  const scan = new Scanner(text)
  scan.value()
  scan.ws()
  if (scan.i < text.length) scan.fail('after top-level value')
  return JSON.parse(text) as Json
}

// encoding/json's syntax check, one value at a time from position `i`
class Scanner {
  i = 0
  constructor(readonly text: string) {}

  fail(context: string): never {
    if (this.i >= this.text.length) throw new GoJsonError('unexpected end of JSON input')
    throw new GoJsonError(`invalid character ${quoteChar(this.text[this.i])} ${context}`)
  }

  ws(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i])) this.i++
  }

  value(): void {
    this.ws()
    const c = this.text[this.i]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    if (c === 't') return this.literal('true')
    if (c === 'f') return this.literal('false')
    if (c === 'n') return this.literal('null')
    if (c === '-' || /[0-9]/.test(c ?? '')) return this.number()
    this.fail('looking for beginning of value')
  }

  private object(): void {
    const text = this.text
    this.i++
    this.ws()
    if (text[this.i] === '}') return void this.i++
    for (;;) {
      this.ws()
      if (text[this.i] !== '"') this.fail('looking for beginning of object key string')
      this.string()
      this.ws()
      if (text[this.i] !== ':') this.fail('after object key')
      this.i++
      this.value()
      this.ws()
      if (text[this.i] === ',') this.i++
      else if (text[this.i] === '}') return void this.i++
      else this.fail('after object key:value pair')
    }
  }

  private array(): void {
    this.i++
    this.ws()
    if (this.text[this.i] === ']') return void this.i++
    for (;;) {
      this.value()
      this.ws()
      if (this.text[this.i] === ',') this.i++
      else if (this.text[this.i] === ']') return void this.i++
      else this.fail('after array element')
    }
  }

  private literal(word: string): void {
    for (let k = 1; k < word.length; k++) {
      this.i++
      if (this.text[this.i] !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k])})`)
    }
    this.i++
  }

  private string(): void {
    const text = this.text
    this.i++
    for (;;) {
      const c = text[this.i]
      if (c === undefined) this.fail('')
      if (c === '"') return void this.i++
      if (c < ' ') this.fail('in string literal')
      if (c === '\\') {
        this.i++
        if (text[this.i] === 'u') {
          for (let k = 0; k < 4; k++) {
            this.i++
            if (!/[0-9a-fA-F]/.test(text[this.i] ?? '')) this.fail('in \\u hexadecimal character escape')
          }
        } else if (!'"\\/bfnrt'.includes(text[this.i] ?? '')) this.fail('in string escape code')
      }
      this.i++
    }
  }

  private digits(context: string): void {
    if (!/[0-9]/.test(this.text[this.i] ?? '')) this.fail(context)
    while (/[0-9]/.test(this.text[this.i] ?? '')) this.i++
  }

  private number(): void {
    const text = this.text
    if (text[this.i] === '-') this.i++
    if (text[this.i] === '0') this.i++
    else this.digits('in numeric literal')
    if (text[this.i] === '.') {
      this.i++
      this.digits('after decimal point in numeric literal')
    }
    if (text[this.i] === 'e' || text[this.i] === 'E') {
      this.i++
      if (text[this.i] === '+' || text[this.i] === '-') this.i++
      this.digits('in exponent of numeric literal')
    }
  }
}
