// A lock between ksim processes: a lock file created with O_EXCL that holds the holder's pid. A lock whose
// holder has died is broken (renamed away first, so that two processes breaking it at once cannot both
// win); a live holder is waited for, up to a bound, and then named in the error. The lock is reentrant
// within a process, so a change made under it may call other changes.
import fs from 'node:fs'

/** How long a process waits for another's lock before giving up. */
export const LOCK_WAIT_MS = 10_000

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError'
}

const held = new Map<string, number>()

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): {pid?: number; ageMs: number} | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8')
    const ageMs = Date.now() - fs.statSync(file).mtimeMs
    const pid = Number.parseInt(text, 10)
    return {pid: Number.isSafeInteger(pid) && pid > 0 ? pid : undefined, ageMs}
  } catch {
    return undefined
  }
}

function tryCreate(file: string): boolean {
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    fs.writeSync(fd, `${process.pid}\n`)
  } finally {
    fs.closeSync(fd)
  }
  return true
}

/** Removes the lock of a dead holder; a lock taken meanwhile by a live process is put back. */
function breakStale(file: string, stalePid: number | undefined): void {
  const aside = `${file}.stale-${process.pid}`
  try {
    fs.renameSync(file, aside)
  } catch {
    return
  }
  const moved = readHolder(aside)
  if (moved && moved.pid !== stalePid && moved.pid !== undefined && pidAlive(moved.pid)) {
    // another process broke the stale lock and took it between our look and our rename: give it back
    try {
      fs.linkSync(aside, file)
    } catch {
      // a third one took it meanwhile
    }
  }
  fs.rmSync(aside, {force: true})
}

export interface LockOptions {
  /** the longest wait for one holder (a new holder restarts it: the others are making progress) */
  waitMs?: number
  /** what the lock protects, for the error */
  what?: string
}

/** Runs `fn` holding the lock `file` (created beside what it protects). */
export function withFileLock<T>(file: string, fn: () => T, opts: LockOptions = {}): T {
  const result = withFileLockUnless(file, fn, () => false, opts)
  return (result as {value: T}).value
}

/**
 * As withFileLock, but while waiting checks `done()`; when it turns true the wait ends without the lock
 * and without running `fn` (undefined is returned): another process did the work meanwhile.
 */
export function withFileLockUnless<T>(file: string, fn: () => T, done: () => boolean, opts: LockOptions = {}): {value: T} | undefined {
  const depth = held.get(file) ?? 0
  if (depth === 0 && !acquire(file, opts.waitMs ?? LOCK_WAIT_MS, opts.what ?? file, done)) return undefined
  held.set(file, depth + 1)
  try {
    return {value: fn()}
  } finally {
    if (depth === 0) {
      held.delete(file)
      // only our own lock: never one another process holds after breaking ours as stale
      if (readHolder(file)?.pid === process.pid) fs.rmSync(file, {force: true})
    } else held.set(file, depth)
  }
}

/** Takes the lock (true), or gives up waiting because `done()` (false); throws after `waitMs` on one holder. */
function acquire(file: string, waitMs: number, what: string, done: () => boolean): boolean {
  let start = performance.now()
  let lastPid: number | undefined
  let pause = 2
  for (;;) {
    if (tryCreate(file)) return true
    if (done()) return false
    const holder = readHolder(file)
    if (holder?.pid !== undefined && holder.pid !== lastPid) {
      lastPid = holder.pid
      start = performance.now()
    }
    // a holder that died, or a lock file left without a pid for a while (its writer died mid-write)
    if (holder && (holder.pid === undefined ? holder.ageMs > 2000 : !pidAlive(holder.pid))) {
      breakStale(file, holder.pid)
      continue
    }
    if (performance.now() - start > waitMs) {
      const who = holder?.pid === undefined ? 'another process' : `process ${holder.pid}`
      throw new LockTimeoutError(
        `${what} is locked by ${who} (lock file ${file}), waited ${Math.round(waitMs / 1000)}s; if no ksim command is running, remove the lock file`,
      )
    }
    sleepSync(pause + Math.random() * pause)
    pause = Math.min(pause * 2, 50)
  }
}
