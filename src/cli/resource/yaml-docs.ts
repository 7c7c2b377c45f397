// Splits a YAML or JSON stream into documents and decodes each as kubectl does (apimachinery's
// YAMLReader + sigs.k8s.io/yaml), with go-yaml's error wording and per-document line numbers.
import yaml from 'js-yaml'

import {excessiveAliasing, selfContainingAnchor} from './yaml-aliases.js'
import {invalidUtf8Error, replaceInvalidUtf8} from './utf8-input.js'
import {goYamlError} from './yaml-errors.js'
import {splitJsonStream} from './json-stream.js'

/** go-yaml (YAML 1.1) reads 0644 as octal; js-yaml's core schema would read 644. */
const intType = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (d: string | null) => d !== null && /^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$/.test(d),
  construct(d: string) {
    const s = d.replaceAll('_', '')
    const sign = s.startsWith('-') ? -1 : 1
    const body = s.replace(/^[-+]/, '')
    if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16)
    if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2)
    if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body, 8)
    return sign * parseInt(body, 10)
  },
  predicate: () => false,
})

const SCHEMA = yaml.CORE_SCHEMA.extend({implicit: [intType]})

export interface RawDoc {
  /** the decoded document (a JSON-shaped value), undefined when empty */
  value?: unknown
  /** go-yaml style error text, e.g. `yaml: line 3: mapping values are not allowed in this context` */
  error?: string
  /** a JSON document's own text, which kubectl's decoder quotes as it is (a YAML one is re-marshalled) */
  json?: string
}

/** Splits on `---` lines as apimachinery's YAMLReader does (comments may follow the separator). */
export function splitDocuments(text: string): string[] {
  const docs: string[] = []
  let cur: string[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('---') && (line.length === 3 || /^---\s*(#.*)?$/.test(line) || /^---\s/.test(line))) {
      docs.push(cur.join('\n'))
      cur = []
      const rest = line.slice(3).trim()
      if (rest && !rest.startsWith('#')) cur.push(rest)
      continue
    }
    cur.push(line)
  }
  docs.push(cur.join('\n'))
  return docs
}

/**
 * Decodes every document of a YAML/JSON stream; stops after the first broken one, as kubectl does. A
 * stream that opens with `{` is JSON to kubectl (its decoder sniffs the start), read by encoding/json.
 */
export function decodeDocuments(text: string): RawDoc[] {
  const json = /^\s*\{/.test(text)
  // encoding/json reads objects back to back; the YAML reader takes what follows them
  const {values, rest} = json ? splitJsonStream(replaceInvalidUtf8(text)) : {values: [], rest: text}
  const out: RawDoc[] = []
  const chunks = [...values.map((text) => ({text, json: true})), ...splitDocuments(rest).map((text) => ({text, json: false}))]
  for (const chunk of chunks) {
    if (chunk.text.trim() === '' || /^(\s*(#.*)?\n?)*$/.test(chunk.text)) continue
    const r = decodeOne(chunk.text)
    if (r.error) {
      out.push(r)
      break
    }
    if (r.value === null || r.value === undefined) continue
    // a value encoding/json read keeps its own text, which kubectl's decoder errors quote
    out.push(chunk.json ? {...r, json: chunk.text} : r)
  }
  return out
}

/** Decodes one YAML document (the first of a stream, as sigs.k8s.io/yaml.YAMLToJSON reads it). */
export function decodeOne(chunk: string): RawDoc {
  // go-yaml's reader decodes the text before its parser sees it: bad UTF-8 fails first
  const badUtf8 = invalidUtf8Error(chunk)
  if (badUtf8) return {error: badUtf8}
  try {
    return checked(load(chunk))
  } catch (error) {
    const e = error as yaml.YAMLException
    // go-yaml accepts `\'` inside double quotes; js-yaml does not
    if (/unknown escape sequence/.test(e.reason) && chunk.includes("\\'")) {
      try {
        return checked(load(chunk.replaceAll("\\'", "'")))
      } catch {
        // fall through to the original error
      }
    }
    return {error: goYamlMessage(e, chunk)}
  }
}

/** js-yaml's value for a document, with the anchors it defined. */
function load(chunk: string): {value: unknown; anchors: Record<string, unknown>} {
  let anchors: Record<string, unknown> = {}
  const listener = (_event: string, state: {anchorMap?: Record<string, unknown>}): void => {
    if (state.anchorMap) anchors = state.anchorMap
  }
  // json: a key given twice keeps its last value, as sigs.k8s.io/yaml's (non-strict) YAMLToJSON does
  const value = yaml.load(chunk, {schema: SCHEMA, json: true, listener} as yaml.LoadOptions)
  return {value, anchors}
}

/** The checks go-yaml makes while decoding: an anchor inside itself, then alias expansion. */
function checked({value, anchors}: {value: unknown; anchors: Record<string, unknown>}): RawDoc {
  const error = selfContainingAnchor(value, anchors) ?? excessiveAliasing(value)
  return error ? {error} : {value}
}

/** Rewords a js-yaml error as go-yaml words the same problem. */
function goYamlMessage(e: yaml.YAMLException, chunk: string): string {
  return goYamlError({reason: e.reason ?? e.message, line: e.mark?.line ?? 0, column: e.mark?.column ?? 0}, chunk)
}
