// Test helper: `ksim serve --port 0` as a child process in a sandbox, and the real kubectl 1.35 pointed at
// it through the kubeconfig serve writes.
import {execFile, spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'

import {BIN, type RunResult, type Sandbox} from '../helpers/cli.js'

export interface ServeChild {
  child: ChildProcess
  kubeconfig: string
  url: string
  stdout: string
  stop(): Promise<number | null>
}

/** Starts `ksim serve --port 0 ...` and resolves once it has printed its kubeconfig line. */
export function startServe(sb: Sandbox, args: string[] = [], env: Record<string, string> = {}): Promise<ServeChild> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {cwd: sb.home, env: sb.env(env)})
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ksim serve did not start: ${stdout}${stderr}`)), 30_000)
    child.on('exit', (code) => reject(new Error(`ksim serve exited ${code}: ${stdout}${stderr}`)))
    child.stdout!.on('data', (d) => {
      stdout += d
      const m = /^export KUBECONFIG=(.+)$/m.exec(stdout)
      const u = /at (https:\/\/\S+)$/m.exec(stdout)
      if (!m || !u) return
      clearTimeout(timer)
      resolve({
        child,
        kubeconfig: m[1]!,
        url: u[1]!,
        get stdout() {
          return stdout
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode)
            child.removeAllListeners('exit')
            child.on('exit', (code) => done(code))
            child.kill('SIGTERM')
          }),
      })
    })
  })
}

/** The environment kubectl runs in: the kubeconfig, and a cache and HOME of its own. */
export function kubectlEnv(kubeconfig: string, dir: string): NodeJS.ProcessEnv {
  return {PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(dir, 'cache')}
}

export function runBinary(bin: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(bin, args, {env, encoding: 'utf8', timeout: 60_000}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({stdout, stderr, code})
    })
    child.stdin?.end(input ?? '')
  })
}
