// The JSON side of kubectl's YAMLOrJSONDecoder: a stream that opens with `{` is read by encoding/json,
// which takes one value after another with nothing but whitespace between them (hack/testdata's
// multi-resource-json.json is two objects back to back). What follows the last whole value (a `---`
// separator and YAML documents, or a broken value) is left to the YAML reader.

/** The end (exclusive) of the JSON object or array opening at `start`, or -1 when it never closes. */
function valueEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    else if (ch === '{' || ch === '[') depth++
    else if (ch === '}' || ch === ']') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}

/** The whole top-level objects at the head of `text`, and the text after them. */
export function splitJsonStream(text: string): {values: string[]; rest: string} {
  const values: string[] = []
  let at = 0
  for (;;) {
    const start = text.slice(at).search(/\S/)
    if (start < 0) return {values, rest: ''}
    const from = at + start
    if (text[from] !== '{') break
    const end = valueEnd(text, from)
    if (end < 0) break
    values.push(text.slice(from, end))
    at = end
  }
  return {values, rest: text.slice(at)}
}
