// Fault test (npm run test:faults): concurrent cluster creation and config changes lose nothing. Many
// ksim processes at once: set-context of 20 contexts, 8 creates of distinct clusters, 8 creates of one
// name while 12 writers store ConfigMaps in it, and 50 first commands on an empty KSIM_HOME. Every
// acknowledged change is found afterwards, exactly one create of a name wins, and no temporary file is
// left. The figures are printed.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox, type RunResult} from '../helpers/cli.js'

const report = (line: string) => process.stdout.write(`      ${line}\n`)

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  return fs.readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()
}

describe('concurrent cluster creation and config changes: 0 lost', function () {
  this.timeout(600_000)
  const sandboxes: Sandbox[] = []
  const sandbox = () => {
    const sb = new Sandbox('ksim-conc-config-', {KSIM_NO_RECONCILER: '1'})
    sandboxes.push(sb)
    return sb
  }
  after(() => {
    for (const sb of sandboxes) fs.rmSync(sb.home, {recursive: true, force: true})
  })

  it('20 concurrent set-context: all 20 stored', async () => {
    const sb = sandbox()
    expect(sb.run(['cluster', 'create', 'base', '--nodes', '1']).code).to.equal(0)
    const results = await Promise.all(Array.from({length: 20}, (_, i) => sb.runAsync(['config', 'set-context', `ctx${i}`, '--cluster=base'])))
    results.forEach((r, i) => expect(r, `ctx${i}`).to.deep.equal({stdout: `Context "ctx${i}" created.\n`, stderr: '', code: 0}))
    const names = sb.run(['config', 'get-contexts', '-o', 'name']).stdout.split('\n').filter((n) => n.startsWith('ctx'))
    report(`set-context: 20 acknowledged, ${names.length} stored, ${20 - names.length} lost`)
    expect(names.length).to.equal(20)
    expect(files(sb.home).filter((f) => /\.(lock|tmp-\d+)$|\.stale-/.test(f))).to.deep.equal([])
  })

  it('8 concurrent creates of distinct clusters: 8 clusters, 8 contexts', async () => {
    const sb = sandbox()
    const results = await Promise.all(Array.from({length: 8}, (_, i) => sb.runAsync(['cluster', 'create', `c${i}`, '--nodes', '1'])))
    results.forEach((r, i) => expect(r.code, `c${i}: ${r.stderr}`).to.equal(0))
    const contexts = sb.run(['config', 'get-contexts', '-o', 'name']).stdout
    report(`cluster create x8 (distinct): ${contexts.split('\n').filter(Boolean).length} contexts`)
    expect(contexts).to.equal(Array.from({length: 8}, (_, i) => `c${i}\n`).join(''))
    expect(sb.run(['cluster', 'list', '-o', 'name']).stdout).to.equal(contexts)
  })

  it('8 concurrent creates of one name with 12 writers: exactly one wins, every acknowledged write survives', async () => {
    const sb = sandbox()
    const creates = Array.from({length: 8}, () => sb.runAsync(['cluster', 'create', 'dup', '--nodes', '1']))
    // each writer retries until the cluster exists, then its first success is an acknowledged write
    const writer = async (i: number): Promise<boolean> => {
      for (let t = 0; t < 400; t++) {
        const r: RunResult = await sb.runAsync(['create', 'configmap', `cm${i}`, '--from-literal=a=b', '--context', 'dup'])
        if (r.code === 0) return true
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      return false
    }
    const [created, acked] = await Promise.all([Promise.all(creates), Promise.all(Array.from({length: 12}, (_, i) => writer(i)))])
    const winners = created.filter((r) => r.code === 0)
    const losers = created.filter((r) => r.code !== 0)
    expect(winners.length).to.equal(1)
    for (const r of losers) expect(r).to.deep.equal({stdout: '', stderr: 'error: cluster "dup" already exists\n', code: 1})
    const stored = sb.run(['get', 'configmaps', '-o', 'name', '--context', 'dup']).stdout.split('\n').filter((l) => l.startsWith('configmap/cm'))
    const ackedCount = acked.filter(Boolean).length
    report(`cluster create x8 (one name): ${winners.length} won, ${losers.length} AlreadyExists; ${ackedCount} writes acknowledged, ${stored.length} stored, ${ackedCount - stored.length} lost`)
    expect(ackedCount).to.equal(12)
    expect(stored.length).to.equal(12)
    expect(files(path.join(sb.home, 'clusters', 'dup')).filter((f) => f.includes('creating'))).to.deep.equal([])
  })

  it('50 concurrent first commands on an empty KSIM_HOME: the default cluster made once, none fails', async () => {
    const sb = sandbox()
    const results = await Promise.all(Array.from({length: 50}, () => sb.runAsync(['get', 'namespace', 'default', '-o', 'name'])))
    const failed = results.filter((r) => r.code !== 0)
    report(`first use x50: ${results.length - failed.length} succeeded, ${failed.length} failed`)
    expect(failed.map((r) => r.stderr)).to.deep.equal([])
    for (const r of results) expect(r.stdout).to.equal('namespace/default\n')
    expect(sb.run(['config', 'get-contexts', '-o', 'name']).stdout).to.equal('ksim\n')
    // the state file and the cluster's CA (ksim serve issues its serving certificate from it). SQLite's own
    // -wal and -shm files are left out: when the last two of 50 connections close at once, each can see
    // the other's lock and leave them; the next connection to open the file recovers from them.
    const own = files(path.join(sb.home, 'clusters')).filter((f) => !/\.db-(wal|shm)$/.test(f))
    expect(own).to.deep.equal(['ksim', 'ksim/ca.crt', 'ksim/ca.key', 'ksim/state.db'])
  })
})
