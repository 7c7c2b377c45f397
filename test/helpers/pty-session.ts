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

export function ptySession(sb: Sandbox, args: string[], size = {rows: 30, cols: 100}): PtySession {
  const text = `stty rows ${size.rows} cols ${size.cols}; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`
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
