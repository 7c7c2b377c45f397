// One file written so that a reader sees the old text or the new, never half: a temporary file beside it,
// fsync-ed, renamed over it, the folder fsync-ed.
import fs from 'node:fs'
import path from 'node:path'

/** Writes `text` to `file` atomically: a temporary file beside it, fsync-ed, renamed over it. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`
  fs.rmSync(tmp, {force: true})
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600)
  try {
    fs.writeFileSync(fd, text)
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(tmp, {force: true})
    throw error
  }
  fs.closeSync(fd)
  try {
    fs.renameSync(tmp, file)
  } catch (error) {
    fs.rmSync(tmp, {force: true})
    throw error
  }
  // the rename itself reaches the disk with the folder
  try {
    const dir = fs.openSync(path.dirname(file), 'r')
    try {
      fs.fsyncSync(dir)
    } finally {
      fs.closeSync(dir)
    }
  } catch {
    // some file systems cannot fsync a folder
  }
}
