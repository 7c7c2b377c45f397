// The file `edit` hands to the editor and reads back, as kubectl's editor package writes and reads it:
// the header comment with the reasons of a failed save, comments stripped before comparing, the check
// that anything is left, and Windows line endings on request.
import {decodeDocuments} from '../resource/yaml-docs.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'

/** One reason the file is reopened: a head line and its causes (`# * field: message`). */
export interface EditReason {
  head: string
  other: string[]
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** A '#' after every line break not already followed by one, so a message stays a comment. */
function hashOnLineBreak(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    out += ch === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : ch
  }
  return out
}

/** The header: kubectl's instructions, then each reason of the last failed save. */
export function editHeader(reasons: readonly EditReason[]): string {
  let out = HEADER
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`
    out += '#\n'
  }
  return out
}

/** cmdutil.ManualStrip: the file without its comment lines (`#!` lines stay). */
export function manualStrip(text: string): string {
  const lines = text.split('\n')
  const kept: string[] = []
  lines.forEach((line, i) => {
    const t = line.trim()
    if (t.startsWith('#') && !t.startsWith('#!')) return
    kept.push(i < lines.length - 1 ? `${line}\n` : line)
  })
  return kept.join('')
}

/** cmdutil.StripComments: the documents as canonical JSON when they parse, else the text without comments. */
export function stripComments(text: string): string {
  const docs = decodeDocuments(text)
  if (docs.some((d) => d.error)) return manualStrip(text)
  return JSON.stringify(docs.map((d) => sortKeysDeep(d.value)))
}

/** Whether any line holds something besides blanks and comments. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const t = line.trim()
    return t.length > 0 && !t.startsWith('#')
  })
}

/** kubectl's CRLF writer: every line feed written as CR LF. */
export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}
