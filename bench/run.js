// `npm run bench`: runs every scenario in bench/ (each bench/*.js but this file; shared code lives in
// bench/lib/) in turn, in its own process. Each prints its figures, PASS/MISS against its targets and a
// JSON line; a scenario that misses a target or fails exits non-zero. This prints a summary of them
// all and exits 1 if any missed or failed. `npm run bench -- scale idle` runs only those;
// `npm run bench -- --report --sizes 1000,10000` passes those options on.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {reportTable} from './lib/table.js'

const dir = path.dirname(fileURLToPath(import.meta.url))
// `--name [value]` options go to every scenario (each reads those it knows: `--sizes`, `--report`); the
// other arguments name the scenarios to run
const args = process.argv.slice(2)
const options = []
const only = []
for (let i = 0; i < args.length; i++) {
  if (!args[i].startsWith('--')) only.push(args[i])
  else {
    options.push(args[i])
    if (args[i + 1] !== undefined && !args[i + 1].startsWith('--') && !isScenario(args[i + 1])) options.push(args[++i])
  }
}
function isScenario(name) {
  return fs.existsSync(path.join(dir, `${name}.js`)) && name !== 'run'
}
const scenarios = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.js') && f !== 'run.js')
  .filter((f) => only.length === 0 || only.includes(path.basename(f, '.js')))
  .sort()

const summary = []
for (const file of scenarios) {
  console.log(`# ${file}`)
  const start = performance.now()
  const r = spawnSync(process.execPath, [path.join(dir, file), ...options], {stdio: 'inherit'})
  const seconds = ((performance.now() - start) / 1000).toFixed(1)
  const outcome = r.status === 0 ? 'all targets met' : r.status === 1 ? 'missed a target (or failed; see above)' : `failed (exit ${r.status ?? r.signal})`
  summary.push({name: path.basename(file, '.js'), ok: r.status === 0, outcome, seconds})
}
console.log('# summary')
console.log(reportTable(['RESULT', 'SCENARIO', 'SECONDS', 'OUTCOME'], summary.map((s) => [s.ok ? 'PASS' : 'MISS', s.name, s.seconds, s.outcome]), {align: ['left', 'left', 'right', 'left']}))
const failed = summary.filter((s) => !s.ok).length
if (failed > 0) {
  console.log(`${failed} of ${scenarios.length} scenarios missed their target or failed`)
  process.exitCode = 1
}
