// Runs the real CLI (bin/run.js) in a child process against a temporary KSIM_HOME, as a user would.
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository root (tests run from dist/test/...). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const BIN = path.join(ROOT, 'bin', 'run.js')

export interface RunResult {
  stdout: string
  stderr: string
  code: number
}

export class Sandbox {
  readonly home: string

  /** `defaults` apply to every command (e.g. KSIM_NO_RECONCILER=1 for tests of the API alone) */
  constructor(
    prefix = 'ksim-test-',
    readonly defaults: Record<string, string> = {},
  ) {
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    // ksim's switches come from the test alone, never from the shell that runs the tests (a developer's
    // exported KSIM_NO_RECONCILER=1 would otherwise fail every test that needs a reconciler)
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'KSIM_NO_RECONCILER' && k !== 'KUBECONFIG'))
    return {...inherited, KSIM_HOME: this.home, NO_COLOR: '1', ...this.defaults, ...extra}
  }

  /** Runs `ksim <args>` to completion. */
  run(args: string[], opts: {input?: string; env?: Record<string, string>; cwd?: string} = {}): RunResult {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? this.home,
      env: this.env(opts.env),
      input: opts.input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
    })
    return {stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1}
  }

  /** Runs `ksim <args>` asynchronously (for commands that wait). */
  runAsync(args: string[], opts: {input?: string; env?: Record<string, string>; onStderr?: (text: string) => void} = {}): Promise<RunResult> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], {cwd: this.home, env: this.env(opts.env)})
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => {
        stderr += d
        opts.onStderr?.(stderr)
      })
      child.stdin.end(opts.input ?? '')
      child.on('close', (code) => resolve({stdout, stderr, code: code ?? -1}))
    })
  }

  /** Writes a file under the sandbox and returns its path. */
  write(name: string, text: string): string {
    const p = path.join(this.home, name)
    fs.mkdirSync(path.dirname(p), {recursive: true})
    fs.writeFileSync(p, text)
    return p
  }

  cleanup(): void {
    // stop any reconciler this sandbox started before removing its files
    this.run(['cluster', 'stop', '--all'], {})
    fs.rmSync(this.home, {recursive: true, force: true})
  }
}
