// kubectl explain's `wrap` (pkg/util/term's word-wrap writer, mitchellh/go-wordwrap's WrapString):
// breaks lines at spaces so that none exceeds the limit unless a single word is longer; newlines in
// the text stay, and the spaces where a line breaks are dropped.

const isSpace = (c: string): boolean => c !== '\u00a0' && /\s/u.test(c)

/** WrapString(s, limit), counting characters (runes). */
export function wrapString(s: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space
      } else out += space + word
      space = ''
      spaceLen = 0
      word = ''
      wordLen = 0
      out += c
      current = 0
    } else if (isSpace(c)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen
        out += space + word
        space = ''
        spaceLen = 0
        word = ''
        wordLen = 0
      }
      space += c
      spaceLen++
    } else {
      word += c
      wordLen++
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space
  } else out += space + word
  return out
}

/** The template's `indent`: the pad before the text and after each of its newlines. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount)
  return pad + s.replaceAll('\n', `\n${pad}`)
}
