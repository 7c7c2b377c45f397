// The shim of one container instance (containerd's shim, in small): started detached by the process
// runtime, in a session of its own, it outlives the reconciler. It starts the container's program in a
// process group of its own (no shell between), records that pid, writes the program's stdout and stderr
// to the instance's log in CRI's line format (`<RFC 3339 time> <stream> <F|P> <text>`), rotating it at the
// size cap, and once the program exits kills what is left of its process group (a container's processes
// end with its main one) and records the exit code, the signal, and when. Run as
// `node shim.js <instance folder>`.
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {EXIT, LOG, LOG_OLD, PID, STDIN, readSpec, signalGroup, writeWhole, type ProcessExit} from './layout.js'

const dir = process.argv[2]
const spec = dir ? readSpec(dir) : undefined
if (!dir || !spec) process.exit(2)

// the shim is not stopped by what stops its program: only the runtime's SIGKILL of the shim itself
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGPIPE'] as const) process.on(s, () => {})

const logFile = path.join(dir, LOG)
let fd = fs.openSync(logFile, 'a', 0o600)
let size = fs.fstatSync(fd).size

function writeLine(stream: 'stdout' | 'stderr', text: string, partial: boolean): void {
  const line = `${new Date().toISOString()} ${stream} ${partial ? 'P' : 'F'} ${text}\n`
  const bytes = Buffer.byteLength(line)
  if (size > 0 && size + bytes > spec!.logMaxBytes) {
    fs.closeSync(fd)
    fs.renameSync(logFile, path.join(dir!, LOG_OLD))
    fd = fs.openSync(logFile, 'a', 0o600)
    size = 0
  }
  fs.writeSync(fd, line)
  size += bytes
}

// splits a stream into lines; what is left without a newline at the end is a partial line
function collect(stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr'): () => void {
  let rest = ''
  stream?.setEncoding('utf8')
  stream?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop()!
    for (const l of lines) writeLine(name, l, false)
  })
  return () => {
    if (rest) writeLine(name, rest, true)
    rest = ''
  }
}

// a container with stdin: true reads a fifo that stays open (the shim holds a writer) until the
// container ends, or, with stdinOnce, until the first attach ends and sends SIGUSR2
let stdinWriter: number | undefined
let stdinEnded = false
function openStdin(): number | 'ignore' {
  if (!spec!.stdin) return 'ignore'
  // the handler comes before the fifo: an attach may write, end and signal as soon as the fifo exists,
  // and SIGUSR2 without a handler ends the shim (under load, run -i's container was killed that way)
  process.on('SIGUSR2', () => {
    if (!spec!.stdinOnce) return
    stdinEnded = true
    if (stdinWriter !== undefined) fs.closeSync(stdinWriter)
    stdinWriter = undefined
  })
  // made under another name and given its own only once the shim holds it open: an attach that opened
  // it sooner could write, close and signal while no one held the pipe, and its input was lost with it
  const fifo = path.join(dir!, STDIN)
  const making = `${fifo}.new`
  if (spawnSync('mkfifo', ['-m', '600', making]).status !== 0) return 'ignore'
  const probe = fs.openSync(making, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
  stdinWriter = fs.openSync(making, fs.constants.O_WRONLY)
  // a blocking reader for the program (the writer exists, so this open does not wait)
  const reader = fs.openSync(making, fs.constants.O_RDONLY)
  fs.closeSync(probe)
  fs.renameSync(making, fifo)
  if (stdinEnded) {
    fs.closeSync(stdinWriter)
    stdinWriter = undefined
  }
  return reader
}
const stdin = openStdin()
const child = spawn(spec.argv[0], spec.argv.slice(1), {cwd: spec.cwd, env: spec.env, detached: true, stdio: [stdin, 'pipe', 'pipe']})
if (typeof stdin === 'number') fs.closeSync(stdin)
const flushOut = collect(child.stdout, 'stdout')
const flushErr = collect(child.stderr, 'stderr')
if (child.pid) writeWhole(path.join(dir, PID), String(child.pid))

let exited: ProcessExit | undefined
child.on('error', (error: NodeJS.ErrnoException) => {
  exited ??= {exitCode: 128, finishedAtMs: Date.now(), startError: error.code ?? error.message}
  finish()
})
child.on('exit', (code, signal) => {
  const signo = signal ? os.constants.signals[signal] : undefined
  exited = {exitCode: code ?? 128 + (signo ?? 0), ...(signal ? {signal} : {}), finishedAtMs: Date.now()}
  // whatever the program left running in its group ends with it
  if (child.pid) signalGroup(child.pid, 'SIGKILL')
})
child.on('close', finish)

function finish(): void {
  if (!exited) return
  flushOut()
  flushErr()
  fs.closeSync(fd)
  writeWhole(path.join(dir!, EXIT), JSON.stringify(exited))
  process.exit(0)
}
