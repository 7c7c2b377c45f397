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
  let i = 0
  const fail = (context: string): never => {
    if (i >= text.length) throw new GoJsonError('unexpected end of JSON input')
    throw new GoJsonError(`invalid character ${quoteChar(text[i])} ${context}`)
  }
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  }
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k])})`)
    }
    i++
  }
  const digits = (context: string) => {
    if (!/[0-9]/.test(text[i] ?? '')) fail(context)
    while (/[0-9]/.test(text[i] ?? '')) i++
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail('looking for beginning of object key string')
        string()
        ws()
        if (text[i] !== ':') fail('after object key')
        i++
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else fail('after object key:value pair')
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else fail('after array element')
      }
    }
    if (c === '"') return string()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    if (c === '-' || /[0-9]/.test(c ?? '')) return number()
    fail('looking for beginning of value')
  }
  const string = () => {
    i++
    for (;;) {
      const c = text[i]
      if (c === undefined) fail('')
      if (c === '"') return void i++
      if (c < ' ') fail('in string literal')
      if (c === '\\') {
        i++
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('in \\u hexadecimal character escape')
          }
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('in string escape code')
      }
      i++
    }
  }
  const number = () => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else digits('in numeric literal')
    if (text[i] === '.') {
      i++
      digits('after decimal point in numeric literal')
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      digits('in exponent of numeric literal')
    }
  }
  value()
  ws()
  if (i < text.length) fail('after top-level value')
  return JSON.parse(text) as Json
}
