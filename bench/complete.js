// Completion speed: `ksim get pods <TAB>` in a cluster of 1,000 pods (the fast path bin/run.js takes
// for `__complete`) against `node -e 0`, timed alternately in the same run. Target: at most 1.3x.
// Needs a build (dist/).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const PODS = 1000
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const WARMUP = 3
const TARGET = 1.3

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-bench-complete-'))
process.env.KSIM_HOME = home
try {
  await populate()
  const env = {...process.env, KSIM_HOME: home}
  const baseline = [process.execPath, '-e', '0']
  const completion = [process.execPath, path.join(ROOT, 'bin', 'run.js'), '__complete', 'get', 'pods', '']
  const check = run(completion, env)
  const names = check.stdout.split('\n').filter((l) => l !== '' && !l.startsWith(':'))
  if (names.length !== PODS) throw new Error(`expected ${PODS} pod names, got ${names.length}: ${check.stdout.slice(0, 200)} ${check.stderr}`)

  const times = {baseline: [], completion: []}
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // alternate, so that both see the same machine load
    const b = run(baseline, env).ms
    const c = run(completion, env).ms
    if (i >= WARMUP) {
      times.baseline.push(b)
      times.completion.push(c)
    }
  }
  const baselineMs = median(times.baseline)
  const completionMs = median(times.completion)
  const ratio = completionMs / baselineMs
  console.log(`complete-pods: ksim get pods <TAB> with ${PODS} pods, median of ${RUNS} alternating runs each`)
  console.log(`  node -e 0                        ${baselineMs.toFixed(1)} ms`)
  console.log(`  ksim __complete get pods ''      ${completionMs.toFixed(1)} ms`)
  console.log(`  ratio ${ratio.toFixed(2)} (target <= ${TARGET}): ${ratio <= TARGET ? 'ok' : 'OVER TARGET'}`)
  console.log(JSON.stringify({bench: 'complete-pods', pods: PODS, median_ms: round(completionMs), baseline_ms: round(baselineMs), ratio: round(ratio, 2)}))
  if (ratio > TARGET) process.exitCode = 1
} finally {
  fs.rmSync(home, {recursive: true, force: true})
}

/** A cluster with PODS pods in the default namespace, written through the API as `ksim create` would. */
async function populate() {
  await import(path.join(ROOT, 'dist/src/api/kinds/index.js'))
  const {createCluster} = await import(path.join(ROOT, 'dist/src/cluster/clusters.js'))
  const {Api} = await import(path.join(ROOT, 'dist/src/api/server.js'))
  const {Store} = await import(path.join(ROOT, 'dist/src/store/sqlite-store.js'))
  const {stateFile} = await import(path.join(ROOT, 'dist/src/config/paths.js'))
  await createCluster('bench', {nodes: 1}, {use: true})
  const store = Store.open(stateFile('bench'), {mustExist: true})
  try {
    const api = new Api(store)
    for (let i = 0; i < PODS; i++) {
      const name = `web-${String(i).padStart(4, '0')}`
      api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec: {containers: [{name: 'web', image: 'nginx'}]}})
    }
  } finally {
    store.close()
  }
}

function run([cmd, ...args], env) {
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, args, {env, encoding: 'utf8', maxBuffer: 16 << 20})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} exited ${r.status}: ${r.stderr}`)
  return {ms, stdout: r.stdout, stderr: r.stderr}
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

function round(x, digits = 1) {
  return Number(x.toFixed(digits))
}
