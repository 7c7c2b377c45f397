// The user's editor, found and started as kubectl's editor package does: $KUBE_EDITOR, then $EDITOR, else
// `vi`. A value without spaces is the program; one with spaces but no quotes or backslashes is split on
// spaces; anything else is handed to $SHELL (default /bin/bash) with `-c`, as kubectl documents. The
// file is a new temporary file (mode 0600) named `<bin>-edit-<random><ext>`.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {goQuote} from '../../machinery/go-format.js'
import {CliError} from '../errors.js'

const DEFAULT_EDITOR = 'vi'
const DEFAULT_SHELL = '/bin/bash'

export interface Editor {
  args: string[]
  viaShell: boolean
}

/** The editor command from the environment. */
export function editorOf(env: NodeJS.ProcessEnv = process.env): Editor {
  const editor = env.KUBE_EDITOR || env.EDITOR || DEFAULT_EDITOR
  if (!editor.includes(' ')) return {args: [editor], viaShell: false}
  if (!/["'\\]/.test(editor)) return {args: editor.split(' '), viaShell: false}
  return {args: [env.SHELL || DEFAULT_SHELL, '-c', editor], viaShell: true}
}

/** The command line for `file`: appended as an argument, or quoted onto the shell's command. */
function commandFor(editor: Editor, file: string): string[] {
  const args = [...editor.args]
  if (editor.viaShell) args[args.length - 1] = `${args.at(-1)} ${goQuote(file)}`
  else args.push(file)
  return args
}

/** Runs the editor on `file` with the terminal handed over; kubectl's texts when it cannot. */
export function launch(editor: Editor, file: string): void {
  const args = commandFor(editor, path.resolve(file))
  const shown = editor.args.join(' ')
  const r = spawnSync(args[0]!, args.slice(1), {stdio: 'inherit'})
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`unable to launch the editor ${goQuote(shown)}`)
  if (r.error || r.status !== 0) throw new CliError(`there was a problem with the editor ${goQuote(shown)}`)
}

/** A new temporary file `<prefix><random><suffix>` holding `text`, created exclusively with mode 0600. */
export function tempFile(prefix: string, suffix: string, text: string): string {
  for (;;) {
    const name = path.join(os.tmpdir(), `${prefix}${Math.floor(Math.random() * 2 ** 32)}${suffix}`)
    try {
      fs.writeFileSync(name, text, {flag: 'wx', mode: 0o600})
      return name
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

/** Writes `text` to a new temporary file, runs the editor on it, and reads back what was saved. */
export function launchTempFile(editor: Editor, prefix: string, suffix: string, text: string): {edited: string; file: string} {
  const file = tempFile(prefix, suffix, text)
  launch(editor, file)
  return {edited: fs.readFileSync(file, 'utf8'), file}
}
