// The reconciler's log beside the cluster's state: one line per notable thing,
// `<RFC 3339 with milliseconds> <level> <message>`, appended, readable by the owner only.
import fs from 'node:fs'

export type LogLevel = 'info' | 'warn' | 'error'

/** Where the runner and the controllers report. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
  close(): void
}

/** A log bigger than this is moved to `<file>.1` (replacing the previous one) when a reconciler starts. */
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024

/** Opens `file` for appending with mode 0600, first rotating it when it has grown too big. */
export function openLogFd(file: string): number {
  try {
    if (fs.lstatSync(file).size > LOG_ROTATE_BYTES) fs.renameSync(file, `${file}.1`)
  } catch {
    // absent, or another process rotated it first
  }
  let fd: number
  try {
    // never through a link: a reconciler.log pointing elsewhere would be appended to and chmod-ed
    const {O_APPEND, O_CREAT, O_NOFOLLOW, O_WRONLY} = fs.constants
    fd = fs.openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new Error(`refusing to use ${file}: it is a symbolic link`)
    throw error
  }
  try {
    fs.fchmodSync(fd, 0o600)
  } catch {
    // not ours to change
  }
  return fd
}

/** One log line: the time, the level and the message with any line breaks escaped. */
export function formatLogLine(now: Date, level: LogLevel, message: string): string {
  return `${now.toISOString()} ${level} ${message.replaceAll('\r', '\\r').replaceAll('\n', '\\n')}\n`
}

/** A logger appending to `file`, and mirroring every line to stderr when asked (foreground runs). */
export function openLogger(file: string, opts: {stderr?: boolean; now?: () => Date} = {}): Logger {
  const fd = openLogFd(file)
  const now = opts.now ?? (() => new Date())
  let open = true
  const write = (level: LogLevel, message: string): void => {
    const line = formatLogLine(now(), level, message)
    if (open) {
      try {
        fs.writeSync(fd, line)
      } catch {
        // a full disk must not stop the reconciler
      }
    }
    if (opts.stderr) process.stderr.write(line)
  }
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    close() {
      if (open) fs.closeSync(fd)
      open = false
    },
  }
}

/** A logger that keeps lines in memory (tests). */
export function memoryLogger(): Logger & {lines: string[]} {
  const lines: string[] = []
  const push = (level: LogLevel) => (m: string) => lines.push(`${level} ${m}`)
  return {lines, info: push('info'), warn: push('warn'), error: push('error'), close() {}}
}

/** An error as one log line: its message and where it was thrown. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const frame = error.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim()
  return frame ? `${error.message} (${frame})` : error.message
}
