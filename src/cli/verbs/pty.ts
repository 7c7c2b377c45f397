// A pseudo-terminal for a command (exec -t, attach -t, run -it): util-linux's script(1), which opens a
// pty, runs the command on it as a session leader with the pty as its controlling terminal, puts the
// user's terminal in raw mode while it runs (restored after), copies the window size at start and on
// each SIGWINCH, and with -e returns the command's exit status (128+N for a signal). Node has no pty of
// its own; node-pty would add a native build (no Linux prebuilds) to `npm ci`, and npm 11 leaves
// install scripts to an allow list. script is part of util-linux, on every Linux with a shell.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import tty from 'node:tty'

/** Where script(1) is, or undefined when this machine has none (util-linux's `script -c`). */
export function findScript(PATH = process.env.PATH ?? ''): string | undefined {
  for (const dir of PATH.split(':')) {
    const file = path.join(dir || '.', 'script')
    try {
      fs.accessSync(file, fs.constants.X_OK)
    } catch {
      continue
    }
    // BSD's script (macOS) takes other flags: util-linux's names itself
    const version = spawnSync(file, ['--version'], {encoding: 'utf8'})
    if (version.stdout?.includes('util-linux')) return file
  }
  return undefined
}

/** Whether the user's stdin is a terminal (kubectl's IsTerminalIn), without opening Node's stdin stream. */
export const stdinIsTerminal = (): boolean => tty.isatty(0)

const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`

/**
 * The spawn of `argv` on a new pty with exactly the environment `env` (script runs its -c text with
 * $SHELL, so the text is `exec env -i …`: the shell's own variables do not reach the command).
 * TERM=xterm as containerd sets it for a tty.
 */
export function onPty(script: string, argv: readonly string[], env: Record<string, string>): {file: string; args: string[]; env: Record<string, string>} {
  const assignments = Object.entries({...env, TERM: 'xterm'}).map(([k, v]) => quote(`${k}=${v}`))
  const text = ['exec', 'env', '-i', ...assignments, ...argv.map(quote)].join(' ')
  return {file: script, args: ['-q', '-e', '-c', text, '/dev/null'], env: {PATH: process.env.PATH ?? '/usr/bin:/bin', SHELL: '/bin/sh'}}
}
