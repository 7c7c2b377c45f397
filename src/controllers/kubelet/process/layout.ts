// The files of one container instance of the process runtime, in its own folder under the cluster's
// `containers/` folder (named by the container ID's hex): what the shim was asked to run (`spec.json`),
// the pid of the shim and of the container's process (each its own process group), the exit once it
// happened, the signals the kubelet sent, and the log (CRI's line format, rotated at a size cap). Every
// file is written whole (write to a temporary name, then rename), so a reader never sees half of one.
import fs from 'node:fs'
import path from 'node:path'

/** What the shim runs: argv (no shell), the environment, the working directory. */
export interface ProcessSpec {
  podUID: string
  argv: string[]
  env: Record<string, string>
  cwd: string
  /** the log's size cap in bytes before it is rotated */
  logMaxBytes: number
  /** what runs the program in the pod's namespaces (`nsenter ... --`), resolved; absent: the host's */
  wrap?: string[]
  /** the container's `stdin`: its stdin is the instance's STDIN fifo, held open by the shim */
  stdin?: boolean
  /** the container's `stdinOnce`: the shim closes stdin when the first attach ends (SIGUSR2 from it) */
  stdinOnce?: boolean
}

/** How a process ended, as the shim saw it. */
export interface ProcessExit {
  exitCode: number
  /** the signal that ended it, if one did (exitCode is then 128 + its number) */
  signal?: string
  finishedAtMs: number
  /** set when the process could not be started at all (exec failed) */
  startError?: string
}

export const SPEC = 'spec.json'
export const SHIM_PID = 'shim.pid'
export const PID = 'pid'
export const EXIT = 'exit.json'
export const TERM_SENT = 'term-sent'
export const KILL_SENT = 'kill-sent'
/** the fifo a container with `stdin: true` reads, written by `ksim attach -i` */
export const STDIN = 'stdin'
export {LOG_FILE as LOG, ROTATED_LOG_FILE as LOG_OLD} from '../../../api/container-log.js'
/** a preStop exec hook's own instance folder inside the container's */
export const PRESTOP = 'prestop'

/** Writes a file whole: a reader sees the old content or the new, never a part. */
export function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, text, {mode: 0o600})
  fs.renameSync(tmp, file)
}

/** A file's text, undefined when it is not there. */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** A pid written by writeWhole, undefined when absent. */
export function readPid(dir: string, name: string): number | undefined {
  const n = Number.parseInt(readText(path.join(dir, name)) ?? '', 10)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

export function readExit(dir: string): ProcessExit | undefined {
  const text = readText(path.join(dir, EXIT))
  return text ? (JSON.parse(text) as ProcessExit) : undefined
}

export function readSpec(dir: string): ProcessSpec | undefined {
  const text = readText(path.join(dir, SPEC))
  return text ? (JSON.parse(text) as ProcessSpec) : undefined
}

/** Whether a process exists and has not exited (a zombie, exited but not reaped yet, has). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // /proc/<pid>/stat: `pid (comm) S ...`, the state after the last ')'
  const stat = readText(`/proc/${pid}/stat`)
  return stat === undefined || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
}

/** Sends `signal` to the process group `pgid`; false when the group is gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

export {instanceDirOf as instanceDir} from '../../../api/container-log.js'
