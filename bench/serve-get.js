// `kubectl get pods` (100 Running pods) through `ksim serve`, against the same kubectl 1.35 talking to a
// minimal static HTTPS server (bench/lib/static-server.js) that answers the bytes ksim serve gave for the
// same requests (recorded once, discovery included). Each kubectl has a warm discovery cache of its own,
// as a user's ~/.kube/cache is. Runs alternate between the two; the figure is the ratio of the medians.
// Target: ksim serve adds at most 10 % (ratio <= 1.10). ksim serve reuses a list's decoded objects while
// the store has not changed (serve/list-cache.ts), so a third series, not held to the target, has another
// process write a pod (bench/lib/api-writer.js) before each run: the cost of a list read afresh.
// Prints PASS/MISS and a JSON line.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {clusterWithPods, makeHome, median, round, verdict} from './lib/harness.js'
import {kubeconfigFor, kubectlEnv, lines, referenceKubectl, runAsync, startChild, startServe, within} from './lib/serve.js'
import {reportTable} from './lib/table.js'

const PODS = 100
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15))
const WARMUP = 3
const TARGET = 1.1
const CLUSTER = 'bench'

const h = makeHome('serve-get')
const children = []
try {
  const kubectl = await referenceKubectl()
  await clusterWithPods(h, CLUSTER, PODS)
  const serve = await startServe(h)
  children.push(serve)
  const token = /token: (\S+)/.exec(fs.readFileSync(serve.kubeconfig, 'utf8'))[1]
  const staticSrv = await startChild([fileURLToPath(new URL('./lib/static-server.js', import.meta.url)), CLUSTER, serve.url, token], h.env, /^listening at (\S+)$/m, 'static server')
  children.push(staticSrv)
  const writer = await startChild([fileURLToPath(new URL('./lib/api-writer.js', import.meta.url)), CLUSTER, 'web-000'], h.env, /^ready$/m, 'api writer')
  children.push(writer)
  const wrote = lines(writer.child.stdout)
  let writes = 0
  const write = () => {
    const n = String(++writes)
    writer.child.stdin.write(`${n}\n`)
    return within(wrote((l) => l.startsWith(`wrote ${n} `)), 10_000, 'the api writer did not answer')
  }
  const targets = {
    serve: kubectlEnv(serve.kubeconfig, path.join(h.home, 'kube-serve')),
    changed: kubectlEnv(serve.kubeconfig, path.join(h.home, 'kube-changed')),
    static: kubectlEnv(kubeconfigFor(serve.kubeconfig, staticSrv.match[1], path.join(h.home, 'static.kubeconfig')), path.join(h.home, 'kube-static')),
  }
  const get = async (env) => {
    const r = await runAsync(kubectl, ['get', 'pods'], env)
    const lines = r.stdout.split('\n').filter((l) => l !== '').length - 1
    if (r.code !== 0 || lines !== PODS) throw new Error(`kubectl get pods exited ${r.code} with ${lines} pods: ${r.stderr}`)
    return r.ms
  }
  // record: once with a cold cache (discovery), once warm (what a cached kubectl asks)
  await get(targets.static)
  await get(targets.static)
  staticSrv.child.stdin.write('replay\n')

  const times = {serve: [], static: [], changed: []}
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const name of i % 2 === 0 ? ['serve', 'static', 'changed'] : ['changed', 'static', 'serve']) {
      if (name === 'changed') await write()
      const ms = await get(targets[name])
      if (i >= WARMUP) times[name].push(ms)
    }
  }
  staticSrv.child.stdin.write('misses\n')
  const misses = await new Promise((resolve) => staticSrv.child.stdout.on('data', (d) => {
    const m = /misses (\d+)/.exec(String(d))
    if (m) resolve(Number(m[1]))
  }))
  if (misses > 0) throw new Error(`the static server was asked ${misses} requests it had not recorded`)

  const serveMs = median(times.serve)
  const staticMs = median(times.static)
  const ratio = serveMs / staticMs
  const changedMs = median(times.changed)
  const v = verdict(ratio, TARGET)
  console.log(`serve-get: kubectl 1.35 get pods (${PODS} pods), median of ${RUNS} alternating runs, warm discovery cache`)
  console.log(
    reportTable(
      ['SERVER', 'MEDIAN MS', 'RATIO', 'TARGET', 'RESULT'],
      [
        ['static (recorded bytes)', staticMs.toFixed(1), '', '', ''],
        ['ksim serve', serveMs.toFixed(1), `${ratio.toFixed(2)}x`, `<= ${TARGET}x`, v],
        ['ksim serve, a write before each', changedMs.toFixed(1), `${(changedMs / staticMs).toFixed(2)}x`, '', ''],
      ],
      {align: ['left', 'right', 'right', 'left', 'left']},
    ),
  )
  console.log(JSON.stringify({bench: 'serve-get', pods: PODS, runs: RUNS, static_ms: round(staticMs), serve_ms: round(serveMs), ratio: round(ratio, 3), changed_ms: round(changedMs), changed_ratio: round(changedMs / staticMs, 3), target_ratio: TARGET}))
  if (v === 'MISS') process.exitCode = 1
} finally {
  for (const c of children.reverse()) await c.stop()
  h.dispose([CLUSTER])
}
