// 50 real kubectl 1.35 clients at once against one `ksim serve`, each with a cold discovery cache of its
// own (so each does the whole discovery sequence, then lists 100 pods as a Table). Counts the clients that
// failed (non-zero exit, or not 100 pods printed) and the wall time of the whole burst; a second burst
// runs with the caches warm. Target: 0 errors. Prints PASS/MISS and a JSON line.
import path from 'node:path'

import {clusterWithPods, makeHome, round, verdict} from './lib/harness.js'
import {kubectlEnv, referenceKubectl, runAsync, startServe} from './lib/serve.js'
import {reportTable} from './lib/table.js'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50)
const PODS = 100
const CLUSTER = 'bench'

const h = makeHome('serve-concurrent')
let serve
try {
  const kubectl = await referenceKubectl()
  await clusterWithPods(h, CLUSTER, PODS)
  serve = await startServe(h)
  const envs = Array.from({length: CLIENTS}, (_, i) => kubectlEnv(serve.kubeconfig, path.join(h.home, `kube-${i}`)))
  const burst = async () => {
    const start = performance.now()
    const results = await Promise.all(envs.map((env) => runAsync(kubectl, ['get', 'pods'], env)))
    const wallMs = performance.now() - start
    const failed = results.filter((r) => r.code !== 0 || r.stdout.split('\n').filter((l) => l !== '').length - 1 !== PODS)
    for (const r of failed.slice(0, 3)) console.log(`failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0]}`)
    return {errors: failed.length, wallMs}
  }
  const cold = await burst()
  const warm = await burst()
  const errors = cold.errors + warm.errors
  const v = verdict(errors, 0)
  console.log(`serve-concurrent: ${CLIENTS} kubectl 1.35 get pods (${PODS} pods) at once, twice`)
  console.log(
    reportTable(
      ['BURST', 'ERRORS', 'WALL MS', 'TARGET', 'RESULT'],
      [
        ['cold discovery cache', String(cold.errors), cold.wallMs.toFixed(0), '0 errors', verdict(cold.errors, 0)],
        ['warm discovery cache', String(warm.errors), warm.wallMs.toFixed(0), '0 errors', verdict(warm.errors, 0)],
      ],
      {align: ['left', 'right', 'right', 'left', 'left']},
    ),
  )
  console.log(JSON.stringify({bench: 'serve-concurrent', clients: CLIENTS, pods: PODS, errors, cold_wall_ms: round(cold.wallMs), warm_wall_ms: round(warm.wallMs)}))
  if (v === 'MISS') process.exitCode = 1
} finally {
  await serve?.stop()
  h.dispose([CLUSTER])
}
