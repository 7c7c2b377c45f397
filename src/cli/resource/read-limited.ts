// Reading an input (-f FILE, -f -) with a bound. kubectl reads a file whole and the API server then
// refuses any request body over 3 MiB; reading /dev/zero or a multi-gigabyte file whole would exhaust
// memory first. So reading stops as soon as one document has grown past what could ever be sent, and
// keeps the documents before it (kubectl would have sent those).
import fs from 'node:fs'

import {decodeInput} from './utf8-input.js'

/** The API server's limit on a request body (apiserver's MaxRequestBodyBytes, 3 MiB). */
export const REQUEST_BODY_LIMIT = 3 * 1024 * 1024

/**
 * The longest document text read. YAML text is rarely larger than its JSON body, but indentation and
 * comments can make it so: a document is refused unread only past twice the body limit; one in
 * between is read and its JSON body measured exactly by the API.
 */
export const DOCUMENT_TEXT_LIMIT = 2 * REQUEST_BODY_LIMIT

/** The most read from one input in all (many small documents): a bound of ksim's own, not Kubernetes'. */
export const INPUT_LIMIT = 64 * 1024 * 1024

/** The server's message for a body over the limit (apierrors.NewRequestEntityTooLargeError). */
export const TOO_LARGE_MESSAGE = `Request entity too large: limit is ${REQUEST_BODY_LIMIT}`

/** Thrown by a bounded read: `text` holds the whole documents before the one that was too large. */
export class InputTooLarge extends Error {
  override name = 'InputTooLarge'
  constructor(readonly text: string) {
    super(TOO_LARGE_MESSAGE)
  }
}

export function isInputTooLarge(e: unknown): e is InputTooLarge {
  return e instanceof Error && e.name === 'InputTooLarge'
}

const CHUNK = 64 * 1024
const SEPARATOR = Buffer.from('\n---')

/** Sleeps synchronously (a non-blocking stdin with nothing in it yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Reads `fd` to its end, or throws InputTooLarge once the current document (since the last `---`
 * line) exceeds `docLimit` bytes or the whole input `totalLimit`. `emptyOnAgain`: a stdin that has
 * nothing at the first try (a terminal, a closed descriptor) reads as empty.
 */
export function readFdLimited(fd: number, opts: {docLimit?: number; totalLimit?: number; emptyOnAgain?: boolean} = {}): string {
  const docLimit = opts.docLimit ?? DOCUMENT_TEXT_LIMIT
  const totalLimit = opts.totalLimit ?? INPUT_LIMIT
  const chunks: Buffer[] = []
  let total = 0
  // where the document being read began (just after the newline before its `---`)
  let docStart = 0
  let tail = Buffer.alloc(0)
  for (;;) {
    const buf = Buffer.allocUnsafe(CHUNK)
    let n: number
    try {
      n = fs.readSync(fd, buf, 0, CHUNK, null)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code === 'EAGAIN' || code === 'EOF') && total === 0 && opts.emptyOnAgain) return ''
      if (code === 'EAGAIN') {
        pause(5)
        continue
      }
      if (code === 'EOF') break
      throw error
    }
    if (n === 0) break
    const chunk = buf.subarray(0, n)
    // a separator may straddle two chunks: search the end of the last one too
    const window = Buffer.concat([tail, chunk])
    const at = window.lastIndexOf(SEPARATOR)
    if (at >= 0) docStart = total - tail.length + at + 1
    chunks.push(chunk)
    total += n
    tail = window.subarray(Math.max(0, window.length - (SEPARATOR.length - 1)))
    if (total - docStart > docLimit || total > totalLimit) {
      throw new InputTooLarge(decodeInput(Buffer.concat(chunks).subarray(0, docStart)))
    }
  }
  return decodeInput(Buffer.concat(chunks, total))
}

/** Reads a file with the same bounds (it may be a device or a pipe: its size is not trusted). */
export function readFileLimited(file: string): string {
  const fd = fs.openSync(file, 'r')
  try {
    return readFdLimited(fd)
  } finally {
    fs.closeSync(fd)
  }
}
