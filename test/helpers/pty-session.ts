// A user at a terminal: runs `ksim <args>` on a pseudo-terminal of util-linux's script(1) with a set
// window size, so ksim's stdin is a terminal; the test types into it and reads what the terminal shows.
import {spawn} from 'node:child_process'

import {BIN, type Sandbox} from './cli.js'

export interface PtySession {
  /** everything the terminal showed so far */
  output(): string
  /** resolves once the output matches; after `ms`, ends the session and rejects */
  waitFor(pattern: RegExp, ms?: number): Promise<void>
  type(text: string): void
  /** the session's end: what the terminal showed, and ksim's exit code */
  done: Promise<{output: string; code: number}>
}

const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`

/**
 * `resizeTo`: the terminal's new size once the test creates the file `resizeTo.when` (as a user
 * dragging the window's corner: the size changes and ksim's process group gets SIGWINCH).
 * (stty reads /dev/tty: a background list of sh has /dev/null as its stdin)
 */
export function ptySession(sb: Sandbox, args: string[], size = {rows: 30, cols: 100}, resizeTo?: {rows: number; cols: number; when: string}): PtySession {
  const resize = resizeTo ? `(while [ ! -e ${quote(resizeTo.when)} ]; do sleep 0.05; done; stty rows ${resizeTo.rows} cols ${resizeTo.cols} < /dev/tty) & ` : ''
  const text = `stty rows ${size.rows} cols ${size.cols}; ${resize}exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`
  const child = spawn('script', ['-q', '-e', '-c', text, '/dev/null'], {cwd: sb.home, env: {...sb.env(), SHELL: '/bin/sh'}, stdio: ['pipe', 'pipe', 'pipe']})
  let out = ''
  const waiters: Array<() => void> = []
  const onData = (d: Buffer): void => {
    out += d.toString('utf8')
    for (const w of waiters.splice(0)) w()
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const done = new Promise<{output: string; code: number}>((resolve) => child.on('close', (code) => resolve({output: out, code: code ?? -1})))
  const waitFor = (pattern: RegExp, ms = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // the terminal goes away (the session's processes get SIGHUP), so the test run can end
        child.kill('SIGKILL')
        reject(new Error(`terminal never showed ${pattern}; it showed ${JSON.stringify(out)}`))
      }, ms)
      const check = (): void => {
        if (pattern.test(out)) {
          clearTimeout(timer)
          resolve()
        } else waiters.push(check)
      }
      check()
    })
  return {output: () => out, waitFor, type: (t) => child.stdin.write(t), done}
}
