// CLI latency: `ksim get pods` with 100 pods, `ksim get pod NAME -o yaml` and `ksim create -f` of one
// pod, each timed (median wall time) in runs alternating with `node -e 0` in the same process, so both
// see the same machine load. Target: each at most 1.5x `node -e 0`. Prints PASS/MISS per command and a
// JSON line; a miss makes this scenario exit 1 (bench/run.js reports it). Runs the built bin/run.js.
import {clusterWithPods, makeHome, median, podYaml, round, run, verdict, writeManifest} from './lib/harness.js'
import {reportTable} from './lib/table.js'

const PODS = 100
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10))
const WARMUP = 2
const TARGET = 1.5
const CLUSTER = 'bench'

const h = makeHome('latency')
try {
  await clusterWithPods(h, CLUSTER, PODS)

  let n = 0
  const onePod = () => writeManifest(h.home, `one-${n}.yaml`, [podYaml(`one-${n++}`)])
  const commands = [
    {name: 'get pods', argv: () => ['get', 'pods']},
    {name: 'get pod NAME -o yaml', argv: () => ['get', 'pod', 'web-042', '-o', 'yaml']},
    {name: 'create -f (one pod)', argv: () => ['create', '-f', onePod()]},
  ]
  const baseline = []
  const times = commands.map(() => [])
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [j, c] of commands.entries()) {
      const b = run([process.execPath, '-e', '0'], h.env).ms
      const t = h.ksim(c.argv()).ms
      if (i >= WARMUP) {
        baseline.push(b)
        times[j].push(t)
      }
    }
  }
  const baseMs = median(baseline)
  console.log(`cli-latency: ${PODS} pods, median of ${RUNS} runs each, alternating with node -e 0`)
  const rows = [['node -e 0', baseMs.toFixed(1), '', '', '']]
  const results = {}
  let missed = 0
  for (const [j, c] of commands.entries()) {
    const ms = median(times[j])
    const ratio = ms / baseMs
    const v = verdict(ratio, TARGET)
    if (v === 'MISS') missed++
    rows.push([`ksim ${c.name}`, ms.toFixed(1), `${ratio.toFixed(2)}x`, `<= ${TARGET}x`, v])
    results[c.name] = {median_ms: round(ms), ratio: round(ratio, 2)}
  }
  console.log(reportTable(['COMMAND', 'MEDIAN MS', 'RATIO', 'TARGET', 'RESULT'], rows, {align: ['left', 'right', 'right', 'left', 'left']}))
  console.log(JSON.stringify({bench: 'cli-latency', pods: PODS, runs: RUNS, baseline_ms: round(baseMs), target_ratio: TARGET, results}))
  if (missed > 0) process.exitCode = 1
} finally {
  h.dispose([CLUSTER])
}
