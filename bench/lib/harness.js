// Shared by the bench scenarios (bench/*.js): a temporary KSIM_HOME, running the built CLI (bin/run.js)
// as a user would, a read-only view of the cluster's state file, the reconciler's pid and /proc figures,
// and the statistics each scenario prints. Not a scenario itself (bench/run.js runs only bench/*.js).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = path.join(ROOT, 'bin', 'run.js')
const require = createRequire(import.meta.url)

/** A temporary KSIM_HOME, removed (after stopping its reconcilers) by `dispose`. */
export function makeHome(prefix) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `ksim-bench-${prefix}-`))
  process.env.KSIM_HOME = home
  const env = {...process.env, KSIM_HOME: home, NO_COLOR: '1'}
  delete env.FORCE_COLOR
  return {
    home,
    env,
    /** runs `ksim ...args`; throws on a non-zero exit unless `allowFail` */
    ksim(args, opts = {}) {
      return run([process.execPath, BIN, ...args], env, opts)
    },
    stateFile: (cluster) => path.join(home, 'clusters', cluster, 'state.db'),
    dispose(clusters = []) {
      for (const c of clusters) run([process.execPath, BIN, 'cluster', 'stop', c], env, {allowFail: true})
      fs.rmSync(home, {recursive: true, force: true})
    },
  }
}

/** Runs a command to completion, timing it with the monotonic clock. */
export function run([cmd, ...args], env, opts = {}) {
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, args, {env, encoding: 'utf8', maxBuffer: 256 << 20, input: opts.input ?? '', cwd: opts.cwd ?? os.tmpdir()})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${[cmd, ...args].join(' ')} exited ${r.status}: ${r.stderr}`)
  return {ms, stdout: r.stdout, stderr: r.stderr, code: r.status}
}

/** The state file opened read-only (better-sqlite3), to watch what the reconciler writes. */
export function openState(file) {
  const Database = require(path.join(ROOT, 'node_modules', 'better-sqlite3'))
  const db = new Database(file, {readonly: true, fileMustExist: true})
  db.pragma('busy_timeout = 5000')
  return db
}

/**
 * The pid of the cluster's live reconciler, from `ksim cluster status`. On a loaded machine a busy
 * reconciler's lease can lapse for a moment (status then says stopped): asks again for up to `waitMs`.
 */
export function reconcilerPid(h, cluster, waitMs = 0) {
  const until = performance.now() + waitMs
  for (;;) {
    const m = /Reconciler:\s+running \(pid (\d+)/.exec(h.ksim(['cluster', 'status', cluster]).stdout)
    if (m) return Number(m[1])
    if (performance.now() >= until) throw new Error(`no reconciler running for ${cluster}`)
    spawnSync('sleep', ['1'])
  }
}

/** Peak resident set (VmHWM) of a process, in MB. */
export function peakRssMb(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout.trim() || 100)
  // fields[0] is field 3 (state): utime is field 14, stime field 15
  return (Number(fields[11]) + Number(fields[12])) / ticks
}

/** Creates cluster `cluster` with `pods` pods (web-000...) and waits until all are Running. */
export async function clusterWithPods(h, cluster, pods) {
  h.ksim(['cluster', 'create', cluster, '--nodes', '3'])
  const docs = Array.from({length: pods}, (_, i) => podYaml(`web-${String(i).padStart(3, '0')}`))
  h.ksim(['create', '-f', writeManifest(h.home, 'pods.yaml', docs)])
  const db = openState(h.stateFile(cluster))
  const running = db.prepare(`SELECT count(*) FROM objects WHERE kind = 'Pod' AND json_extract(data, '$.status.phase') = 'Running'`).pluck()
  await until(() => running.get() >= pods, {what: `${pods} Running pods`})
  db.close()
}

/** A pod manifest (one YAML document). */
export function podYaml(name, {annotations = {}, labels = {}, grace, image = 'nginx'} = {}) {
  const ann = Object.entries(annotations)
  const lab = Object.entries(labels)
  const meta =
    (lab.length ? `\n  labels:\n${lab.map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join('\n')}` : '') +
    (ann.length ? `\n  annotations:\n${ann.map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join('\n')}` : '')
  const g = grace === undefined ? '' : `\n  terminationGracePeriodSeconds: ${grace}`
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}${meta}\nspec:${g}\n  containers:\n  - name: app\n    image: ${image}\n`
}

/** Writes a multi-document YAML file of pods and returns its path. */
export function writeManifest(home, name, docs) {
  const file = path.join(home, name)
  fs.writeFileSync(file, docs.join('---\n'))
  return file
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Polls `check` every `everyMs` until it returns true; returns the elapsed ms, throws after `timeoutMs`. */
export async function until(check, {everyMs = 20, timeoutMs = 120_000, what = 'condition'} = {}) {
  const start = performance.now()
  for (;;) {
    if (check()) return performance.now() - start
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(everyMs)
  }
}

export function median(xs) {
  return percentile(xs, 50)
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const rank = Math.max(1, Math.ceil((p / 100) * s.length))
  return s[rank - 1]
}

export function round(x, digits = 1) {
  return Number(x.toFixed(digits))
}

/** `PASS` or `MISS` for a figure against an upper bound. */
export function verdict(value, target) {
  return value <= target ? 'PASS' : 'MISS'
}
