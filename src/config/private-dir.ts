// ksim's folders hold the user's clusters: like ssh with ~/.ssh, ksim refuses a KSIM_HOME or a cluster
// folder that another user owns or that group or others may write to, and a cluster folder or state file
// that is a symbolic link (which could point anywhere).
import fs from 'node:fs'

import {clusterDir, clustersDir, ksimHome, stateFile} from './paths.js'

/** A folder or file ksim will not use: not ours, open to others, or a symbolic link. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError'
}

function myUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined
}

/** Checks the owner and mode of `st` (of `file`): ours (or root's), not writable by group or others. */
function checkOwnerAndMode(file: string, st: fs.Stats): void {
  const uid = myUid()
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) {
    throw new UnsafePathError(`refusing to use ${file}: it is owned by another user (uid ${st.uid}); ksim uses only folders of its own user (uid ${uid})`)
  }
  if ((st.mode & 0o022) !== 0) {
    const mode = (st.mode & 0o7777).toString(8).padStart(4, '0')
    throw new UnsafePathError(`refusing to use ${file}: it is writable by group or others (mode ${mode}); run 'chmod go-w ${file}' to fix it`)
  }
}

/** Checks a folder: absent is fine (it will be made 0700); `follow` lets KSIM_HOME itself be a link. */
export function checkPrivateDir(dir: string, opts: {follow?: boolean} = {}): void {
  // absent is no error to build (with its stack) and catch: a command checks four paths that seldom exist
  const st = opts.follow ? fs.statSync(dir, {throwIfNoEntry: false}) : fs.lstatSync(dir, {throwIfNoEntry: false})
  if (st === undefined) return
  if (st.isSymbolicLink()) throw new UnsafePathError(`refusing to use ${dir}: it is a symbolic link`)
  if (!st.isDirectory()) throw new UnsafePathError(`refusing to use ${dir}: it is not a directory`)
  checkOwnerAndMode(dir, st)
}

/** Checks KSIM_HOME (which may be a link the user made) and returns it. */
export function checkedHome(): string {
  const home = ksimHome()
  checkPrivateDir(home, {follow: true})
  return home
}

/** A file in a cluster folder must be a plain file (or absent), never a link. */
export function checkPlainFile(file: string): void {
  const st = fs.lstatSync(file, {throwIfNoEntry: false})
  if (st === undefined) return
  if (st.isSymbolicLink()) throw new UnsafePathError(`refusing to use ${file}: it is a symbolic link`)
  if (!st.isFile()) throw new UnsafePathError(`refusing to use ${file}: it is not a regular file`)
}

/**
 * The cluster's state file, after checking every step of the way to it: a valid name, KSIM_HOME, the
 * clusters folder and the cluster folder private to this user, and no link at state.db or beside it.
 */
export function checkedStateFile(cluster: string): string {
  const file = stateFile(cluster)
  checkedHome()
  checkPrivateDir(clustersDir())
  checkPrivateDir(clusterDir(cluster))
  for (const suffix of ['', '-wal', '-shm', '-journal']) checkPlainFile(file + suffix)
  return file
}

/** Whether this process may write `file`. */
export function writableByMe(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}
