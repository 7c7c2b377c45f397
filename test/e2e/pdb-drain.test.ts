// drain against a PodDisruptionBudget with the real CLI and a real reconciler: the evictions a budget
// refuses are retried every 5 s until --timeout, with kubectl's lines; a looser budget lets the drain
// through (the evicted pods come back on the other node); --disable-eviction deletes past any budget.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const PDB_REFUSAL = "Cannot evict pod as it would violate the pod's disruption budget."

describe('drain and PodDisruptionBudgets end to end (real reconciler)', function () {
  this.timeout(240_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-pdb-')
  })
  afterEach(() => sb.cleanup())

  async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await sleep(250)
    }
  }
  const out = (...args: string[]) => sb.run(args).stdout
  /** `pod node` lines of the web pods, sorted by pod name. */
  const placement = (): string[][] =>
    out('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName}{"\\n"}{end}')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' '))

  it('stops at the budget, retrying until --timeout; a looser budget lets it through; --disable-eviction bypasses it', async () => {
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']).code).to.equal(0)
    expect(out('create', 'pdb', 'web-pdb', '--selector=app=web', '--min-available=2')).to.equal('poddisruptionbudget.policy/web-pdb created\n')
    await until('both pods to be ready and counted', () => out('get', 'pdb', 'web-pdb', '-o', 'jsonpath={.status.currentHealthy}/{.status.expectedPods}') === '2/2')
    expect(out('get', 'pdb')).to.match(/^NAME {6}MIN AVAILABLE {3}MAX UNAVAILABLE {3}ALLOWED DISRUPTIONS {3}AGE\nweb-pdb   2 {15}N\/A {15}0 {21}\d+s\n$/)
    const node = placement()[0][1]
    const pods = placement().filter(([, n]) => n === node).map(([p]) => p)

    const blocked = sb.run(['drain', node, '--timeout=7s'])
    expect(blocked.code).to.equal(1)
    const evicting = pods.map((p) => `evicting pod default/${p}\n`).join('')
    expect(blocked.stdout).to.equal(`node/${node} cordoned\n${evicting.repeat(3)}`)
    const refused = pods.map((p) => `error when evicting pods/"${p}" -n "default" (will retry after 5s): ${PDB_REFUSAL}`)
    const timedOut = pods.map((p) => `error when evicting pods/"${p}" -n "default": global timeout reached: 7s`)
    const all = timedOut.length === 1 ? timedOut[0] : `[${timedOut.join(', ')}]`
    expect(blocked.stderr.split('\n')).to.deep.equal([
      ...refused,
      ...refused,
      `There are pending pods in node "${node}" when an error occurred: ${all}`,
      ...pods.map((p) => `pod/${p}`),
      `error: unable to drain node "${node}" due to error: ${all}, continuing command...`,
      'There are pending nodes to be drained:',
      ` ${node}`,
      ...timedOut,
      '',
    ])
    expect(out('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.deletionTimestamp}')).to.equal('')

    expect(sb.run(['patch', 'pdb', 'web-pdb', '--type=merge', '-p', '{"spec":{"minAvailable":1}}']).code).to.equal(0)
    await until('the budget to allow one disruption', () => out('get', 'pdb', 'web-pdb', '-o', 'jsonpath={.status.disruptionsAllowed}') === '1')
    const drained = sb.run(['drain', node, '--timeout=90s'])
    expect(drained.code, drained.stderr).to.equal(0)
    expect(drained.stdout.split('\n').at(-2)).to.equal(`node/${node} drained`)
    for (const p of pods) expect(drained.stdout).to.contain(`pod/${p} evicted\n`)
    await until('the replacements to be ready elsewhere', () => out('get', 'pdb', 'web-pdb', '-o', 'jsonpath={.status.currentHealthy}') === '2')
    expect(placement().every(([, n]) => n !== node)).to.equal(true)

    // the other node: no disruption left under minAvailable 2, but --disable-eviction deletes anyway
    expect(sb.run(['patch', 'pdb', 'web-pdb', '--type=merge', '-p', '{"spec":{"minAvailable":2}}']).code).to.equal(0)
    const other = placement()[0][1]
    const deleted = sb.run(['drain', other, '--disable-eviction', '--timeout=60s'])
    expect(deleted.code, deleted.stderr).to.equal(0)
    expect(deleted.stdout).to.match(new RegExp(`^node/${other} cordoned\\n(pod/web-\\S+ deleted\\n)+node/${other} drained\\n$`))
  })
})
