// Fault test (npm run test:faults): a process that holds the state file's write lock and is then
// stopped (SIGSTOP, Ctrl-Z) blocks every write for as long as it is stopped. Each command gives up
// within its bounded wait, names the process in its way, and a bulk command fails fast (one wait, not
// one per object). After SIGCONT nothing acknowledged is lost and writing works again.
import {expect} from 'chai'
import {spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'
import {Store} from '../../src/store/sqlite-store.js'
import {fixture} from '../store/temp-store.js'

const PODS = 200
/** a command's whole wait for the lock (base-command.ts) plus process start-up on a busy machine */
const BOUND_MS = 10_000 + 4000

const podYaml = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: app\n    image: nginx\n`

async function holdLock(file: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [fixture('hold-lock.mjs'), file], {stdio: ['pipe', 'pipe', 'inherit']})
  await new Promise<void>((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('locked\n')) resolve()
    })
    proc.once('exit', (code) => reject(new Error(`lock holder exited with ${code} before locking`)))
  })
  return proc
}

describe('a stopped process holding the write lock', function () {
  this.timeout(300_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-stopped-holder-', {KSIM_NO_RECONCILER: '1'})
  })
  after(() => sb.cleanup())

  it('makes writes fail within a bounded time, naming it; a bulk delete fails fast per object; after SIGCONT nothing is lost', async function () {
    if (process.platform !== 'linux') this.skip() // SIGSTOP and /proc/locks
    const file = path.join(sb.home, 'clusters', 'ksim', 'state.db')
    const created = sb.run(['create', '-f', sb.write('pods.yaml', Array.from({length: PODS}, (_, i) => podYaml(i)).join('---\n'))])
    expect(created.code).to.equal(0)
    const holder = await holdLock(file)
    process.kill(holder.pid!, 'SIGSTOP')
    const named = `is locked by pid ${holder.pid} (hold-lock.mjs ${file}), which is stopped (SIGSTOP/Ctrl-Z): continue it (kill -CONT) or end it`
    try {
      let t0 = performance.now()
      const one = sb.run(['create', 'configmap', 'late', '--from-literal=a=b'])
      const oneMs = performance.now() - t0
      expect(one.code).to.equal(1)
      expect(one.stderr).to.contain(named)

      t0 = performance.now()
      const bulk = sb.run(['delete', 'pods', '--all', '--wait=false'])
      const bulkMs = performance.now() - t0
      const lines = bulk.stderr.trimEnd().split('\n')
      expect(bulk.code).to.equal(1)
      expect(bulk.stdout).to.equal('')
      expect(lines.length).to.equal(PODS)
      for (const l of lines) expect(l).to.match(new RegExp(`^error: state file .* ${named.replace(/[()/.-]/g, '\\$&')}; gave up waiting after \\d+\\.\\ds$`))
      console.log(`      figures: one write gave up after ${Math.round(oneMs)} ms; delete of ${PODS} pods failed after ${Math.round(bulkMs)} ms, ${lines.length} per-object errors, each naming pid ${holder.pid}`)
      expect(oneMs).to.be.below(BOUND_MS)
      expect(bulkMs).to.be.below(BOUND_MS)
    } finally {
      process.kill(holder.pid!, 'SIGCONT')
    }
    const exited = new Promise((resolve) => holder.once('exit', resolve))
    holder.stdin!.end()
    await exited
    // nothing acknowledged was lost, nothing half-written, and writes work again
    const check = Store.open(file, {readonly: true})
    try {
      expect(check.db.pragma('integrity_check', {simple: true})).to.equal('ok')
      expect(check.count('Pod')).to.equal(PODS)
      expect(check.get({kind: 'ConfigMap', namespace: 'default', name: 'late'})).to.equal(undefined)
    } finally {
      check.close()
    }
    expect(sb.run(['create', 'configmap', 'late', '--from-literal=a=b']).stdout).to.equal('configmap/late created\n')
  })
})
