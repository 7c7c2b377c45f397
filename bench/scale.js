// Scale: 10,000 pods from one multi-document file on a cluster of 50 nodes x 250 pods. Times
// `ksim create -f`, the further time until every pod is Running (read from the state file), `ksim get
// pods` (once the reconciler has settled), and `ksim delete pods --all --grace-period=0 --force`; reports the reconciler's peak RSS
// (VmHWM). Targets: 5 s, 10 s more, 1 s, 5 s, 150 MB. Any miss makes this scenario exit 1.
import {makeHome, openState, peakRssMb, podYaml, reconcilerPid, round, until, verdict, writeManifest} from './lib/harness.js'

const PODS = Number(process.env.BENCH_SCALE_PODS ?? 10_000)
const CLUSTER = 'bench'
const TARGETS = {create_s: 5, running_s: 10, get_s: 1, delete_s: 5, rss_mb: 150}

const h = makeHome('scale')
try {
  h.ksim(['cluster', 'create', CLUSTER, '--nodes', '50', '--max-pods', '250'])
  const docs = Array.from({length: PODS}, (_, i) => podYaml(`pod-${String(i).padStart(5, '0')}`))
  const file = writeManifest(h.home, 'pods.yaml', docs)
  const db = openState(h.stateFile(CLUSTER))
  const count = db.prepare(`SELECT count(*) FROM objects WHERE kind = 'Pod' AND namespace = 'default'`).pluck()
  const running = db.prepare(`SELECT count(*) FROM objects WHERE kind = 'Pod' AND namespace = 'default' AND json_extract(data, '$.status.phase') = 'Running'`).pluck()

  const created = h.ksim(['create', '-f', file])
  const createS = created.ms / 1000
  const runningS = (await until(() => running.get() >= PODS, {everyMs: 100, timeoutMs: 600_000, what: `${PODS} Running pods`})) / 1000
  // let the reconciler finish the events and status writes that follow the last pod's start
  const podRev = db.prepare(`SELECT max(rev) FROM changes WHERE kind IN ('Pod', 'Event')`).pluck()
  let lastRev = -1
  await until(() => lastRev === (lastRev = podRev.get()), {everyMs: 500, timeoutMs: 60_000, what: 'the reconciler to settle'})
  const got = h.ksim(['get', 'pods'])
  const lines = got.stdout.split('\n').filter((l) => l !== '').length - 1
  if (lines !== PODS) throw new Error(`get pods printed ${lines} pods, expected ${PODS}`)
  const getS = got.ms / 1000
  const pid = reconcilerPid(h, CLUSTER)
  const deleted = h.ksim(['delete', 'pods', '--all', '--grace-period=0', '--force'])
  const deleteS = deleted.ms / 1000
  const left = count.get()
  if (left !== 0) throw new Error(`${left} pods left after delete --all`)
  await new Promise((r) => setTimeout(r, 2000))
  const rssMb = peakRssMb(pid)
  db.close()

  const figures = {create_s: createS, running_s: runningS, get_s: getS, delete_s: deleteS, rss_mb: rssMb}
  const labels = {
    create_s: [`ksim create -f (${PODS} pods)`, 's'],
    running_s: ['then until all Running', 's'],
    get_s: ['ksim get pods', 's'],
    delete_s: ['ksim delete pods --all --force', 's'],
    rss_mb: ['reconciler peak RSS', 'MB'],
  }
  console.log(`scale: ${PODS} pods, 50 nodes x 250 max pods`)
  let missed = 0
  for (const [k, v] of Object.entries(figures)) {
    const [label, unit] = labels[k]
    const verdictText = verdict(v, TARGETS[k])
    if (verdictText === 'MISS') missed++
    console.log(`  ${label.padEnd(34)} ${v.toFixed(unit === 's' ? 2 : 1).padStart(8)} ${unit.padEnd(2)}  (target <= ${TARGETS[k]} ${unit}) ${verdictText}`)
  }
  console.log(JSON.stringify({bench: 'scale', pods: PODS, ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v, 2)]))}))
  if (missed > 0) process.exitCode = 1
} finally {
  h.dispose([CLUSTER])
}
