// Who holds a state file's write lock. In WAL mode SQLite takes its write lock as a POSIX record lock
// on byte 120 of the `-shm` file (WAL_WRITE_LOCK at WALINDEX_LOCK_OFFSET); Linux lists every such lock
// with its owner's pid in /proc/locks. So a blocked writer can name the process in its way, and say
// whether it is stopped (Ctrl-Z, SIGSTOP) — at no cost to writers, which record nothing. Elsewhere
// (no /proc) the holder stays unnamed.
import fs from 'node:fs'

/** The byte of the -shm file SQLite's WAL write lock covers. */
const WAL_WRITE_LOCK_BYTE = 120

export interface LockHolder {
  pid: number
  /** its command line, shortened */
  command?: string
  /** stopped by a signal (state T): it will not let go until continued */
  stopped: boolean
}

function commandOf(pid: number): string | undefined {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    // `node /path/bin/run.js reconciler run ...` reads better as `run.js reconciler run ...`
    const shown = argv.length > 1 && /(^|\/)node$/.test(argv[0]) ? argv.slice(1) : argv
    if (shown.length > 0) shown[0] = shown[0].slice(shown[0].lastIndexOf('/') + 1)
    const text = shown.join(' ')
    return text.length > 80 ? `${text.slice(0, 77)}...` : text || undefined
  } catch {
    return undefined
  }
}

function stoppedState(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state === 'T' || state === 't'
  } catch {
    return false
  }
}

/** The process holding the write lock of the state file `file`, when it can be known. */
export function findWriteLockHolder(file: string): LockHolder | undefined {
  let ino: number
  let locks: string
  try {
    ino = fs.statSync(`${file}-shm`).ino
    locks = fs.readFileSync('/proc/locks', 'utf8')
  } catch {
    return undefined
  }
  for (const line of locks.split('\n')) {
    // `1: POSIX  ADVISORY  WRITE 12345 08:01:131090 120 120`
    const m = /^\d+:\s+(?:->\s+)?POSIX\s+ADVISORY\s+WRITE\s+(-?\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s+(\d+)\s+(\d+|EOF)/.exec(line)
    if (!m || Number(m[2]) !== ino) continue
    const start = Number(m[3])
    const end = m[4] === 'EOF' ? Infinity : Number(m[4])
    if (start > WAL_WRITE_LOCK_BYTE || end < WAL_WRITE_LOCK_BYTE) continue
    const pid = Number(m[1])
    if (pid <= 0 || pid === process.pid) continue
    return {pid, command: commandOf(pid), stopped: stoppedState(pid)}
  }
  return undefined
}

/** `pid 123 (run.js reconciler run), stopped` — for an error message. */
export function describeHolder(h: LockHolder): string {
  return `pid ${h.pid}${h.command ? ` (${h.command})` : ''}${h.stopped ? ', which is stopped (SIGSTOP/Ctrl-Z): continue it (kill -CONT) or end it' : ''}`
}
