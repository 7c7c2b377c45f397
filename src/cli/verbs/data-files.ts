// File access for --from-file / --from-env-file, with kubectl's messages for missing paths.
import fs from 'node:fs'

import {InputTooLarge, REQUEST_BODY_LIMIT} from '../resource/read-limited.js'

/**
 * A file's bytes. kubectl reads it whole and the API server refuses a body over 3 MiB; a file larger
 * than that can never be sent, so reading stops there (InputTooLarge) instead of filling memory.
 */
export function readDataFile(p: string): Buffer {
  let fd: number
  try {
    fd = fs.openSync(p, 'r')
  } catch {
    throw new Error(`error reading ${p}: no such file or directory`)
  }
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const buf = Buffer.allocUnsafe(64 * 1024)
      const n = fs.readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      chunks.push(buf.subarray(0, n))
      total += n
      if (total > REQUEST_BODY_LIMIT) throw new InputTooLarge('')
    }
    return Buffer.concat(chunks, total)
  } finally {
    fs.closeSync(fd)
  }
}

/** The regular files of a directory (sorted), or undefined when `p` is not a directory. */
export function listDataDir(p: string): string[] | undefined {
  let st: fs.Stats
  try {
    st = fs.statSync(p)
  } catch {
    throw new Error(`error reading ${p}: no such file or directory`)
  }
  if (!st.isDirectory()) return undefined
  return fs
    .readdirSync(p)
    .filter((n) => fs.statSync(`${p}/${n}`).isFile())
    .sort()
}
