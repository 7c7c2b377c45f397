// Test helper: `ksim serve --port 0` as a child process in a sandbox, and the real kubectl 1.35 pointed at
// it through the kubeconfig serve writes.
import {execFile, spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {BIN, Sandbox, type RunResult} from '../helpers/cli.js'
import {referenceBinaries} from '../helpers/kubectl-ref.js'

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

/** What `useServedKubectl` sets up for a describe block: the sandbox, its serve child and the real kubectl. */
export interface ServedKubectl {
  sb: Sandbox
  serve: ServeChild
  /** runs the real kubectl 1.35 against serve */
  kubectl(args: string[], input?: string): Promise<RunResult>
}

/**
 * Registers the hooks of a describe block that compares ksim with the real kubectl through `ksim serve`: a
 * sandbox (no reconciler) prepared by `prepare`, serve started on it, kubectl with a HOME and cache of its
 * own; all of it removed after. The block skips, saying why, where the reference kubectl is unavailable.
 */
export function useServedKubectl(prefix: string, prepare: (sb: Sandbox) => void | Promise<void>): ServedKubectl {
  let kdir = ''
  let bin = ''
  const ctx = {
    kubectl: (args: string[], input?: string) => runBinary(bin, args, kubectlEnv(ctx.serve.kubeconfig, kdir), input),
  } as ServedKubectl
  before(async function () {
    const ref = await referenceBinaries()
    if (!ref.ok) {
      console.log(`      skipped: the reference kubectl is unavailable: ${ref.reason}`)
      this.skip()
    }
    bin = ref.bins.kubectl
    ctx.sb = new Sandbox(prefix, {KSIM_NO_RECONCILER: '1'})
    await prepare(ctx.sb)
    ctx.serve = await startServe(ctx.sb)
    kdir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}kube-`))
  })
  after(async () => {
    await ctx.serve?.stop()
    ctx.sb?.cleanup()
    if (kdir) fs.rmSync(kdir, {recursive: true, force: true})
  })
  return ctx
}
