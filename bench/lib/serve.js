// Shared by the `ksim serve` scenarios (bench/serve-*.js): a cluster with N Running pods, `ksim serve
// --port 0` as a child process, and the real kubectl 1.35 (from the devDependency, extracted by the built
// test helper dist/test/helpers/kubectl-ref.js) run asynchronously, so this process's event loop keeps
// reading the other children's output while kubectl runs.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import {pathToFileURL} from 'node:url'

import {BIN, ROOT} from './harness.js'

/** The real kubectl 1.35's path; throws why when it cannot be had. */
export async function referenceKubectl() {
  const helper = path.join(ROOT, 'dist', 'test', 'helpers', 'kubectl-ref.js')
  if (!fs.existsSync(helper)) throw new Error(`${helper} is missing: run npm run build first`)
  const {referenceBinaries} = await import(pathToFileURL(helper).href)
  const ref = await referenceBinaries()
  if (!ref.ok) throw new Error(`the reference kubectl is unavailable: ${ref.reason}`)
  return ref.bins.kubectl
}

/** Spawns `node script ...args` and resolves once a stdout line matches `ready`, with the match. */
export function startChild(args, env, ready, what) {
  const child = spawn(process.execPath, args, {env, stdio: ['pipe', 'pipe', 'pipe']})
  let out = ''
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${out}${err}`)), 60_000)
    child.on('exit', (code) => reject(new Error(`${what} exited ${code}: ${out}${err}`)))
    const onData = (d) => {
      out += d
      const m = ready.exec(out)
      if (!m) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.removeAllListeners('exit')
      resolve({child, match: m, stop: () => stopChild(child)})
    }
    child.stdout.on('data', onData)
  })
}

function stopChild(child) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.on('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** `ksim serve --port 0` for the current context; resolves with its URL and kubeconfig path. */
export async function startServe(h) {
  const s = await startChild([BIN, 'serve', '--port', '0'], h.env, /at (https:\/\/\S+)\n[^]*^export KUBECONFIG=(.+)$/m, 'ksim serve')
  return {...s, url: s.match[1], kubeconfig: s.match[2]}
}

/** kubectl's environment: the kubeconfig, and a HOME and discovery cache of its own under `dir`. */
export function kubectlEnv(kubeconfig, dir) {
  fs.mkdirSync(dir, {recursive: true})
  return {PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(dir, 'cache')}
}

/** Runs a binary to completion without blocking the event loop; resolves with code, output and wall ms. */
export function runAsync(bin, args, env) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint()
    const child = spawn(bin, args, {env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({code, stdout, stderr, ms: Number(process.hrtime.bigint() - start) / 1e6}))
  })
}

/** A copy of `kubeconfig` (written to `file`) whose cluster server is `url` instead. */
export function kubeconfigFor(kubeconfig, url, file) {
  const text = fs.readFileSync(kubeconfig, 'utf8').replace(/^(\s*server:\s*).*$/m, `$1${url}`)
  fs.writeFileSync(file, text, {mode: 0o600})
  return file
}

/** Resolves the next value a line-listener sees that satisfies `match` (with its arrival time). */
export function lines(stream) {
  const waiting = []
  readline.createInterface({input: stream}).on('line', (line) => {
    const at = process.hrtime.bigint()
    for (const w of waiting.splice(0)) if (!w.match(line)) waiting.push(w); else w.resolve({line, at})
  })
  return (match) => new Promise((resolve) => waiting.push({match, resolve}))
}

/** `promise`, or a rejection after `ms` (the timer does not keep this process alive). */
export function within(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
