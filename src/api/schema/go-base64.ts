// Go's base64.StdEncoding.Decode, reduced to its error: []byte fields (Secret.data,
// ConfigMap.binaryData) arrive as base64 strings, and a bad one fails the request with
// `illegal base64 data at input byte <n>`. Padding is required; CR and LF are skipped.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]))
const PAD = 0x3d // '='
const isNewline = (b: number) => b === 0x0a || b === 0x0d

/** Decodes one 4-character quantum from `si`; returns the next index, or the offset of the bad byte. */
function quantum(src: Uint8Array, start: number): {next: number; bad?: number} {
  let si = start
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return {next: si}
      // padding is required: a short final quantum is corrupt where it began
      return {next: si, bad: si - j}
    }
    const c = src[si++]
    if (DECODE.has(c)) continue
    if (isNewline(c)) {
      j--
      continue
    }
    if (c !== PAD || j < 2) return {next: si, bad: si - 1}
    if (j === 2) {
      // "==" expected: the first '=' is consumed
      while (si < src.length && isNewline(src[si])) si++
      if (si === src.length) return {next: si, bad: src.length}
      if (src[si] !== PAD) return {next: si, bad: si - 1}
      si++
    }
    while (si < src.length && isNewline(src[si])) si++
    // trailing garbage after the padding
    if (si < src.length) return {next: si, bad: si}
    return {next: si}
  }
  return {next: si}
}

/** The decode error for a JSON string meant as base64 bytes, or undefined when it decodes. */
export function goBase64Error(s: string): string | undefined {
  const src = Buffer.from(s, 'utf8')
  let si = 0
  while (si < src.length) {
    const q = quantum(src, si)
    if (q.bad !== undefined) return `illegal base64 data at input byte ${q.bad}`
    si = q.next
  }
  return undefined
}
