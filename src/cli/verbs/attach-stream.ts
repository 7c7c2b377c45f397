// The streams of `attach` for a process-runtime container: what the container writes from now on (its
// instance's log, stdout to stdout and stderr to stderr, polled as `logs -f` polls), and with -i the
// user's stdin into the container's stdin fifo (layout.ts STDIN: only a container with `stdin: true` has
// one; the kubelet discards input for the others). When the user's input ends, a `stdinOnce` container's
// stdin is closed (the shim is told with SIGUSR2). The attach ends when the container's process does.
import fs from 'node:fs'
import path from 'node:path'

import {formatLogLine, readInstanceLog} from '../../api/container-log.js'

const POLL_MS = 100

export interface AttachIO {
  stdin: boolean
  /** from the container's first line rather than from now (run's attach, right as the pod starts) */
  fromStart?: boolean
  out: (s: string) => void
  err: (s: string) => void
}

interface StdinSpec {
  stdin?: boolean
  stdinOnce?: boolean
}

function readSpec(dir: string): StdinSpec {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'spec.json'), 'utf8')) as StdinSpec
  } catch {
    return {}
  }
}

/** Attaches to the instance in `dir` until its process has exited. */
export async function attachInstance(dir: string, io: AttachIO): Promise<void> {
  let printed = io.fromStart ? 0 : readInstanceLog(dir).length
  const flush = (): void => {
    const lines = readInstanceLog(dir)
    for (const l of lines.slice(printed)) (l.stream === 'stderr' ? io.err : io.out)(formatLogLine(l, false))
    printed = Math.max(printed, lines.length)
  }
  const detach = io.stdin ? feedStdin(dir, readSpec(dir)) : () => {}
  try {
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        flush()
        // the process has exited, or its shim is gone without a word (the kubelet then reports it)
        if (fs.existsSync(path.join(dir, 'exit.json')) || !shimAlive(dir)) {
          clearInterval(timer)
          resolve()
        }
      }, POLL_MS)
    })
    flush()
  } finally {
    detach()
  }
}

// the user's stdin into the container's; returns what stops it. The fifo may not be there yet when the
// pod first reports running (the shim makes it before it starts the program): input waits for it.
function feedStdin(dir: string, spec: StdinSpec): () => void {
  const input = process.stdin
  if (!spec.stdin) {
    // the kubelet discards input for a container without stdin
    input.resume()
    return () => input.destroy()
  }
  let fd: number | undefined
  const pending: Buffer[] = []
  let ended = false
  let closed = false
  const pump = (): void => {
    if (closed) return
    // O_RDWR: a fifo opened so never waits for a reader, and the writes block rather than fail
    fd ??= tryOpen(path.join(dir, 'stdin'))
    if (fd === undefined) return
    for (const chunk of pending.splice(0)) fs.writeSync(fd, chunk)
    if (ended) close()
  }
  const close = (): void => {
    closed = true
    clearInterval(timer)
    if (fd !== undefined) fs.closeSync(fd)
    // stdinOnce: the container's stdin ends with this first attach
    const shim = Number.parseInt(fs.readFileSync(path.join(dir, 'shim.pid'), 'utf8'), 10)
    if (spec.stdinOnce && shim > 0) {
      try {
        process.kill(shim, 'SIGUSR2')
      } catch {
        // the shim is gone with the container
      }
    }
  }
  const timer = setInterval(pump, POLL_MS)
  const onData = (chunk: Buffer): void => {
    pending.push(chunk)
    pump()
  }
  const onEnd = (): void => {
    ended = true
    pump()
  }
  input.on('data', onData)
  input.on('end', onEnd)
  return () => {
    input.off('data', onData)
    input.off('end', onEnd)
    input.destroy()
    clearInterval(timer)
    if (!closed && fd !== undefined) fs.closeSync(fd)
    closed = true
  }
}

function tryOpen(file: string): number | undefined {
  try {
    return fs.openSync(file, fs.constants.O_RDWR)
  } catch {
    return undefined
  }
}

// the shim's pid file comes just after the shim starts: until then it counts as alive
function shimAlive(dir: string): boolean {
  let pid = 0
  try {
    pid = Number.parseInt(fs.readFileSync(path.join(dir, 'shim.pid'), 'utf8'), 10)
  } catch {
    return true
  }
  if (!(pid > 0)) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
