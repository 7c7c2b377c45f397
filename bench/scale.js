// Scale: a sweep of 1,000, 10,000, 30,000 and 100,000 pods (200 a node: 100,000 on 500 nodes), each size on
// a fresh cluster (bench/lib/scale-size.js says what is timed). Prints per size the times, the reconciler's
// peak RSS, the state file's size and its idle CPU; the cost per pod and how it grew from the size before
// (1.00x: linear); and every target, PASS or MISS with the figure's ratio to it: issue 18's at 100,000 pods,
// the earlier 10,000-pod ones at 10,000. Any miss makes this scenario exit 1.
//   --sizes 1000,10000   the sizes to run (default all four)
//   --report [file]      also write the SVG chart (default bench/results/scale.svg)
import fs from 'node:fs'
import path from 'node:path'

import {ROOT, round} from './lib/harness.js'
import {MAX_PODS, PODS_PER_NODE, measureSize} from './lib/scale-size.js'
import {scaleChart} from './lib/svg-chart.js'
import {reportTable} from './lib/table.js'

const TARGETS = {
  10_000: {create_s: 5, running_s: 10, get_s: 1, delete_s: 5, rss_mb: 150},
  100_000: {create_s: 30, running_s: 60, get_s: 4, get_l_s: 0.5, delete_s: 30, rss_mb: 1024, idle_pct: 2},
}
const LABELS = {
  create_s: ['ksim create -f', 's'],
  running_s: ['then until all Running', 's'],
  get_s: ['ksim get pods', 's'],
  get_l_s: ['ksim get pods -l (1 %)', 's'],
  delete_s: ['ksim delete pods --all --force', 's'],
  rss_mb: ['reconciler peak RSS', 'MB'],
  state_mb: ['state file', 'MB'],
  wal_mb: ['its WAL', 'MB'],
  idle_pct: ['idle reconciler CPU', '%'],
}

function option(name) {
  const i = process.argv.indexOf(name)
  if (i < 0) return undefined
  const next = process.argv[i + 1]
  return next === undefined || next.startsWith('--') ? true : next
}

const sizes = String(option('--sizes') ?? '1000,10000,30000,100000').split(',').map(Number)
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes: whole numbers of pods, at least 100 each: ${option('--sizes')}`)
const report = option('--report')

const results = []
let failed
for (const pods of sizes) {
  try {
    const r = await measureSize(pods)
    results.push(r)
    console.log(JSON.stringify({bench: 'scale', ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 3)]))}))
  } catch (error) {
    // the sizes before it are still reported
    failed = `${pods} pods: ${error.message}`
    console.log(`scale: ${failed}`)
    break
  }
}
if (results.length === 0) throw new Error(`scale: ${failed}`)

const f = (v, d = 2) => v.toFixed(d)
console.log(`scale: ${results.map((r) => r.pods).join(', ')} pods, ${PODS_PER_NODE} a node (${MAX_PODS} max pods)`)
console.log(
  reportTable(
    ['PODS', 'NODES', 'CREATE S', 'RUNNING S', 'GET S', 'GET -L S', 'DELETE S', 'RSS MB', 'STATE MB', 'WAL MB', 'IDLE %'],
    results.map((r) => [r.pods, r.nodes, f(r.create_s), f(r.running_s), f(r.get_s), f(r.get_l_s), f(r.delete_s), f(r.rss_mb, 1), f(r.state_mb, 1), f(r.wal_mb, 1), f(r.idle_pct)]),
    {align: Array(11).fill('right')},
  ),
)
console.log('per pod (and its growth from the size before: 1.00x is linear)')
const perPod = (r, k, scale) => (r[k] * scale) / r.pods
const grow = (r, i, k) => (i === 0 ? '' : ` ${f(perPod(r, k, 1) / perPod(results[i - 1], k, 1))}x`)
console.log(
  reportTable(
    ['PODS', 'CREATE MS', 'RUNNING MS', 'GET MS', 'DELETE MS', 'RSS KB', 'STATE KB'],
    results.map((r, i) => [
      r.pods,
      ...['create_s', 'running_s', 'get_s', 'delete_s'].map((k) => f(perPod(r, k, 1000), 3) + grow(r, i, k)),
      ...['rss_mb', 'state_mb'].map((k) => f(perPod(r, k, 1024), 1) + grow(r, i, k)),
    ]),
    {align: Array(7).fill('right')},
  ),
)

let missed = 0
const rows = []
for (const r of results) {
  for (const [k, target] of Object.entries(TARGETS[r.pods] ?? {})) {
    const [label, unit] = LABELS[k]
    const ok = r[k] <= target
    if (!ok) missed++
    rows.push([r.pods, label, `${f(r[k], unit === 's' ? 2 : 1)} ${unit}`, `<= ${target} ${unit}`, `${f(r[k] / target)}x`, ok ? 'PASS' : 'MISS'])
  }
}
if (rows.length > 0) console.log(reportTable(['PODS', 'FIGURE', 'VALUE', 'TARGET', 'RATIO', 'RESULT'], rows, {align: ['right', 'left', 'right', 'left', 'right', 'left']}))

if (report) {
  const file = report === true ? path.join(ROOT, 'bench', 'results', 'scale.svg') : path.resolve(report)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, scaleChart(results))
  console.log(`chart: ${path.relative(process.cwd(), file)}`)
}
if (missed > 0 || failed) process.exitCode = 1
