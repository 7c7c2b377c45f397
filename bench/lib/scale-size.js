// One size of the scale sweep (bench/scale.js): a cluster of pods/200 nodes (250 max pods each), the pods
// from one multi-document file, each labelled `shard: sNN` (100 shards, so one is a 1 % selector). Times
// `ksim create -f`, the further time until every pod is Running (read from the state file), `ksim get pods`
// and `ksim get pods -l shard=s07` (once the reconciler has settled), and `ksim delete pods --all
// --grace-period=0 --force`; measures the reconciler's CPU while idle with every pod Running, the state
// file's size and its WAL's (at its high-water mark: SQLite reuses a WAL without shrinking it) and the
// reconciler's peak RSS (VmHWM).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {cpuSeconds, makeHome, openState, peakRssMb, podYaml, reconcilerPid, sleep, until, writeManifest} from './harness.js'

const CLUSTER = 'bench'
export const PODS_PER_NODE = 200
export const MAX_PODS = 250
const SHARDS = 100
const IDLE_SECONDS = Number(process.env.BENCH_SCALE_IDLE_SECONDS ?? 10)

const fileMb = (f) => (fs.existsSync(f) ? fs.statSync(f).size / 2 ** 20 : 0)

/** Runs one size; returns its figures (seconds, MB, % of a core). */
export async function measureSize(pods) {
  const nodes = Math.max(1, Math.ceil(pods / PODS_PER_NODE))
  const h = makeHome('scale')
  try {
    h.ksim(['cluster', 'create', CLUSTER, '--nodes', String(nodes), '--max-pods', String(MAX_PODS)])
    const width = String(pods - 1).length
    const docs = Array.from({length: pods}, (_, i) => podYaml(`pod-${String(i).padStart(width, '0')}`, {labels: {shard: `s${String(i % SHARDS).padStart(2, '0')}`}}))
    const file = writeManifest(h.home, 'pods.yaml', docs)
    const state = h.stateFile(CLUSTER)
    const db = openState(state)
    const count = db.prepare(`SELECT count(*) FROM objects WHERE kind = 'Pod' AND namespace = 'default'`).pluck()
    const running = db.prepare(`SELECT count(*) FROM objects WHERE kind = 'Pod' AND namespace = 'default' AND json_extract(data, '$.status.phase') = 'Running'`).pluck()
    // the poll reads every pod: at large sizes it polls less often, to leave the cores to the reconciler
    const everyMs = Math.max(100, pods / 200)

    const createS = h.ksim(['create', '-f', file]).ms / 1000
    const runningS = (await until(() => running.get() >= pods, {everyMs, timeoutMs: Math.max(600_000, pods * 10), what: `${pods} Running pods`})) / 1000
    // let the reconciler finish the events and status writes that follow the last pod's start
    // (pods and events: node leases and heartbeats go on forever)
    const lastRev = db.prepare(`SELECT max(rev) FROM changes WHERE kind IN ('Pod', 'Event')`).pluck()
    let seen = -1
    await until(() => seen === (seen = lastRev.get()), {everyMs: 1000, timeoutMs: 600_000, what: 'the reconciler to settle'})
    const pid = reconcilerPid(h, CLUSTER, 60_000)
    const cpu0 = cpuSeconds(pid)
    const t0 = performance.now()
    await sleep(IDLE_SECONDS * 1000)
    const idlePct = ((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100
    const stateMb = fileMb(state)
    const walMb = fileMb(`${state}-wal`)

    const got = h.ksim(['get', 'pods'])
    const lines = got.stdout.split('\n').filter((l) => l !== '').length - 1
    if (lines !== pods) throw new Error(`get pods printed ${lines} pods, expected ${pods}`)
    const selected = h.ksim(['get', 'pods', '-l', 'shard=s07'])
    const want = Math.floor(pods / SHARDS) + (pods % SHARDS > 7 ? 1 : 0)
    const selectedLines = selected.stdout.split('\n').filter((l) => l !== '').length - 1
    if (selectedLines !== want) throw new Error(`get pods -l shard=s07 printed ${selectedLines} pods, expected ${want}`)
    const deleteS = h.ksim(['delete', 'pods', '--all', '--grace-period=0', '--force']).ms / 1000
    const left = count.get()
    if (left !== 0) throw new Error(`${left} pods left after delete --all`)
    await sleep(2000)
    if (reconcilerPid(h, CLUSTER, 60_000) !== pid) throw new Error('the reconciler was replaced during the run: its peak RSS is not the run\'s')
    const rssMb = peakRssMb(pid)
    db.close()
    return {pods, nodes, create_s: createS, running_s: runningS, get_s: got.ms / 1000, get_l_s: selected.ms / 1000, delete_s: deleteS, rss_mb: rssMb, state_mb: stateMb, wal_mb: walMb, idle_pct: idlePct}
  } catch (error) {
    // keep the reconciler's log of a failed size (the home goes)
    const log = `${h.home}/clusters/${CLUSTER}/reconciler.log`
    if (fs.existsSync(log)) fs.copyFileSync(log, path.join(os.tmpdir(), `ksim-bench-scale-${pods}.log`))
    throw error
  } finally {
    h.dispose([CLUSTER])
  }
}
