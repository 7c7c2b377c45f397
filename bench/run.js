// `npm run bench`: runs every scenario in bench/ (each bench/*.js but this file) in turn, in its own
// process. Each prints its figures and a JSON line; a scenario over its target exits non-zero.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const dir = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const scenarios = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.js') && f !== 'run.js')
  .filter((f) => only.length === 0 || only.includes(path.basename(f, '.js')))
  .sort()

let failed = 0
for (const file of scenarios) {
  console.log(`# ${file}`)
  const r = spawnSync(process.execPath, [path.join(dir, file)], {stdio: 'inherit'})
  if (r.status !== 0) failed++
}
if (failed > 0) {
  console.log(`${failed} of ${scenarios.length} scenarios missed their target or failed`)
  process.exitCode = 1
}
