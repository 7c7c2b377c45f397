// File access for --from-file / --from-env-file, with kubectl's messages for missing paths.
import fs from 'node:fs'

export function readDataFile(p: string): Buffer {
  try {
    return fs.readFileSync(p)
  } catch {
    throw new Error(`error reading ${p}: no such file or directory`)
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
