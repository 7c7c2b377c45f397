// Idle: the reconciler's CPU use (user + system time from /proc/<pid>/stat) over 30 s with 100 Running
// pods and nothing changing. Target: under 1 % of one core. A miss makes this scenario exit 1.
import {cpuSeconds, makeHome, openState, podYaml, reconcilerPid, round, sleep, until, writeManifest} from './lib/harness.js'

const PODS = 100
const SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30)
const CLUSTER = 'bench'
const TARGET_PCT = 1

const h = makeHome('idle')
try {
  h.ksim(['cluster', 'create', CLUSTER, '--nodes', '3'])
  const docs = Array.from({length: PODS}, (_, i) => podYaml(`idle-${String(i).padStart(3, '0')}`))
  h.ksim(['create', '-f', writeManifest(h.home, 'pods.yaml', docs)])
  const db = openState(h.stateFile(CLUSTER))
  const running = db.prepare(`SELECT count(*) FROM objects WHERE kind = 'Pod' AND json_extract(data, '$.status.phase') = 'Running'`).pluck()
  await until(() => running.get() >= PODS, {what: `${PODS} Running pods`})
  db.close()
  await sleep(3000) // let the start-up work settle
  const pid = reconcilerPid(h, CLUSTER)
  const cpu0 = cpuSeconds(pid)
  const t0 = performance.now()
  await sleep(SECONDS * 1000)
  const cpu1 = cpuSeconds(pid)
  const wall = (performance.now() - t0) / 1000
  if (reconcilerPid(h, CLUSTER) !== pid) throw new Error('the reconciler changed during the measurement')
  const pct = ((cpu1 - cpu0) / wall) * 100
  console.log(`idle: reconciler with ${PODS} Running pods over ${wall.toFixed(1)} s`)
  console.log(`  CPU ${(cpu1 - cpu0).toFixed(2)} s = ${pct.toFixed(2)} % of a core  (target < ${TARGET_PCT} %) ${pct < TARGET_PCT ? 'PASS' : 'MISS'}`)
  console.log(JSON.stringify({bench: 'idle', pods: PODS, seconds: round(wall), cpu_s: round(cpu1 - cpu0, 2), cpu_pct: round(pct, 2)}))
  if (!(pct < TARGET_PCT)) process.exitCode = 1
} finally {
  h.dispose([CLUSTER])
}
