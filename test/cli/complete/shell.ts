// Runs real bash and zsh for the completion tests, two ways:
//  - `runScript`: a non-interactive shell that sources `ksim completion <shell>` and calls the
//    registered completion function with the variables the shell would set (COMP_WORDS... for bash;
//    words/CURRENT/PREFIX with compadd recorded for zsh), printing what the function produced;
//  - `typeInShell`: an interactive shell on a pseudo-terminal (util-linux `script`), where the test
//    types a line and TAB, and a key bound to a small function writes the edited line to a file —
//    what a user would see after pressing TAB.
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Whether a program is on PATH. */
export function onPath(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], {encoding: 'utf8'}).status === 0
}

/** Runs `script` with `shell` and returns its stdout, failing on a non-zero exit or any stderr. */
export function runScript(shell: 'bash' | 'zsh', script: string, env: NodeJS.ProcessEnv): string {
  const args = shell === 'bash' ? ['--norc', '--noprofile', '-c', script] : ['-f', '-c', script]
  const r = spawnSync(shell, args, {env, encoding: 'utf8', timeout: 60_000})
  if (r.status !== 0 || r.stderr !== '') throw new Error(`${shell} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

/** Splits a line into COMP_WORDS as bash does: at blanks, and around = and : (COMP_WORDBREAKS). */
export function bashWords(line: string): string[] {
  return line.split(/ +/).flatMap((token) => {
    const parts = token.split(/([=:]+)/).filter((p) => p !== '')
    return parts.length > 0 ? parts : ['']
  })
}

/** Single-quotes a string for sh, bash and zsh. */
export function quote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`
}

/**
 * Types each of `lines` followed by TAB into an interactive shell set up by `rc`, and returns the
 * edited line after each TAB. The shell runs in $KSIM_HOME, and its rc file must bind Ctrl-T to append
 * the line to the file $KSIM_TEST_OUT.
 */
export async function typeInShell(command: string, env: NodeJS.ProcessEnv, lines: string[]): Promise<string[]> {
  // util-linux `script` gives the shell a terminal; it is on every Linux, so its absence is an error
  if (!onPath('script')) throw new Error('`script` (util-linux) is not installed: the interactive completion tests need it')
  const out = path.join(env.KSIM_HOME ?? '.', `typed-${process.hrtime.bigint()}.txt`)
  fs.writeFileSync(out, '')
  const child = spawn('script', ['-qfc', command, '/dev/null'], {cwd: env.KSIM_HOME, env: {...env, KSIM_TEST_OUT: out, TERM: 'dumb'}, stdio: ['pipe', 'pipe', 'pipe']})
  const closed = new Promise((resolve) => child.once('close', resolve))
  let screen = ''
  child.stdout.on('data', (d) => (screen += d))
  child.stderr.on('data', (d) => (screen += d))
  const until = async (what: string, done: () => boolean) => {
    for (const start = Date.now(); !done(); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}; the terminal showed:\n${screen}`)
    }
  }
  const typed = () => fs.readFileSync(out, 'utf8').split('\n').slice(0, -1)
  try {
    await until('the prompt', () => screen.includes('READY>'))
    for (const [i, line] of lines.entries()) {
      // TAB completes, Ctrl-T records the line, Ctrl-U clears it for the next one
      child.stdin.write(`${line}\t\x14\x15`)
      await until(`the line after typing ${JSON.stringify(line)}`, () => typed().length > i)
    }
    return typed()
  } finally {
    child.stdin.end('exit\n')
    setTimeout(() => child.kill('SIGKILL'), 2000).unref()
    await closed
  }
}
