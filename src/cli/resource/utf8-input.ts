// Decoding manifest bytes as kubectl's readers see them. go-yaml refuses a YAML document holding bytes
// that are not UTF-8 (its reader names the first bad sequence: "invalid leading UTF-8 octet", ...), while
// Go's encoding/json, which reads a JSON document, replaces them with U+FFFD. Node's decoder would replace
// them everywhere, silently, so bad sequences are decoded here into markers that cannot come from valid
// UTF-8 (lone low surrogates, one per problem), and each document decides: a YAML one fails with
// go-yaml's words, a JSON one reads U+FFFD.
import {isUtf8} from 'node:buffer'

/** go-yaml's reader problems (yaml_parser_update_buffer), in the order of their markers. */
const PROBLEMS = [
  'invalid leading UTF-8 octet',
  'incomplete UTF-8 octet sequence',
  'invalid trailing UTF-8 octet',
  'invalid length of a UTF-8 sequence',
  'invalid Unicode character',
] as const

const MARKER_BASE = 0xdc00
const MARKERS = new RegExp(`[\\u${MARKER_BASE.toString(16)}-\\u${(MARKER_BASE + PROBLEMS.length - 1).toString(16)}]`, 'g')

/** Decodes input bytes; each invalid sequence becomes one marker naming go-yaml's problem with it. */
export function decodeInput(buf: Buffer): string {
  if (isUtf8(buf)) return buf.toString('utf8')
  let out = ''
  let start = 0
  let i = 0
  const flush = (end: number): void => {
    if (end > start) out += buf.subarray(start, end).toString('utf8')
  }
  while (i < buf.length) {
    const lead = buf[i]
    if (lead < 0x80) {
      i++
      continue
    }
    const width = (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0
    const problem = sequenceProblem(buf, i, width)
    if (problem < 0) {
      i += width
      continue
    }
    flush(i)
    out += String.fromCharCode(MARKER_BASE + problem)
    // go-yaml stops at the first problem; what follows only matters to a JSON reader, which replaces
    // each bad byte: skip one byte and go on
    i += 1
    start = i
  }
  flush(buf.length)
  return out
}

/** The index in PROBLEMS of what is wrong with the sequence at `i`, or -1 when it is good. */
function sequenceProblem(buf: Buffer, i: number, width: number): number {
  if (width === 0) return 0
  if (i + width > buf.length) return 1
  let value = buf[i] & (width === 2 ? 0x1f : width === 3 ? 0x0f : 0x07)
  for (let k = 1; k < width; k++) {
    const octet = buf[i + k]
    if ((octet & 0xc0) !== 0x80) return 2
    value = (value << 6) + (octet & 0x3f)
  }
  const shortest = (width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000)
  if (!shortest) return 3
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return 4
  return -1
}

/** go-yaml's error for the first bad sequence in a YAML document, or undefined when it has none. */
export function invalidUtf8Error(doc: string): string | undefined {
  MARKERS.lastIndex = 0
  const m = MARKERS.exec(doc)
  return m ? `yaml: ${PROBLEMS[m[0].charCodeAt(0) - MARKER_BASE]}` : undefined
}

/** A JSON document's text as Go's encoding/json reads it: each bad sequence is U+FFFD. */
export function replaceInvalidUtf8(doc: string): string {
  return doc.replace(MARKERS, '\ufffd')
}
