// What a container instance of the process runtime wrote, as the kubelet reads it back
// (kuberuntime_logs.go): the instance's log files in CRI's line format (`<time> <stream> <F|P> <text>`,
// the rotated file first), filtered by the request's sinceTime, tailLines and limitBytes, each line
// prefixed by its time in RFC3339Nano with nine digits when timestamps are asked for. A partial line
// (P) joins the next one of its stream. Instances of other runtimes have no files: their log is empty.
import fs from 'node:fs'
import path from 'node:path'

/** The log of an instance, and the one before its last rotation. */
export const LOG_FILE = 'log'
export const ROTATED_LOG_FILE = 'log.1'

/** One line as the shim wrote it. */
export interface LogLine {
  /** ISO time with millisecond precision */
  time: string
  stream: 'stdout' | 'stderr'
  partial: boolean
  text: string
}

/** What a log request asks for. */
export interface LogOptions {
  sinceMs?: number
  tail?: number
  timestamps?: boolean
  limitBytes?: number
}

/** The instance folder of a container ID (`process://<hex>`) under the containers folder; undefined for another runtime's. */
export function instanceDirOf(root: string, containerID: string | undefined): string | undefined {
  const m = /^process:\/\/([0-9a-f]{64})$/.exec(containerID ?? '')
  return m ? path.join(root, m[1]) : undefined
}

/** Parses CRI log lines; a line not in the format is skipped. */
export function parseLogLines(text: string): LogLine[] {
  const out: LogLine[] = []
  for (const raw of text.split('\n')) {
    const m = /^(\S+) (stdout|stderr) ([FP]) (.*)$/s.exec(raw)
    if (m) out.push({time: m[1], stream: m[2] as LogLine['stream'], partial: m[3] === 'P', text: m[4]})
  }
  return out
}

const read = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

/** Every line the instance in `dir` has written so far (the rotated file, then the current one). */
export function readInstanceLog(dir: string): LogLine[] {
  return parseLogLines(read(path.join(dir, ROTATED_LOG_FILE)) + read(path.join(dir, LOG_FILE)))
}

/** `2026-12-07T04:33:25.150000000Z`: the kubelet's RFC3339NanoFixed. */
export const logTimestamp = (iso: string): string => iso.replace(/\.(\d{3})Z$/, '.$1000000Z')

/** A line as the kubelet sends it: with its time when asked, a newline unless partial. */
export function formatLogLine(l: LogLine, timestamps: boolean | undefined): string {
  return `${timestamps ? `${logTimestamp(l.time)} ` : ''}${l.text}${l.partial ? '' : '\n'}`
}

/** The lines a request selects: those since sinceMs, the last `tail` of them. */
export function selectLines(lines: LogLine[], opts: LogOptions): LogLine[] {
  let out = opts.sinceMs === undefined ? lines : lines.filter((l) => Date.parse(l.time) >= opts.sinceMs!)
  if (opts.tail !== undefined && opts.tail >= 0) out = out.slice(Math.max(0, out.length - opts.tail))
  return out
}

/** The log text of a whole request (limitBytes cuts it). */
export function logText(lines: LogLine[], opts: LogOptions): string {
  const text = selectLines(lines, opts)
    .map((l) => formatLogLine(l, opts.timestamps))
    .join('')
  return opts.limitBytes ? Buffer.from(text).subarray(0, opts.limitBytes).toString('utf8') : text
}
