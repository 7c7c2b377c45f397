import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import type {WaitClock} from '../../../src/cli/resource/wait.js'

import {podDisruptionBudgetType} from '../../../src/api/kinds/poddisruptionbudget.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {evictPods} from '../../../src/cli/verbs/drain-evict.js'
import {testCluster, type TestCluster} from '../../controllers/helpers.js'
import {pdb, replicaSet, webPod} from '../../controllers/disruption/fixtures.js'

/** A wait clock that jumps instead of sleeping; `at` runs a callback once its time has come. */
function fakeWaitClock(tc: TestCluster, at: Record<number, () => void> = {}): WaitClock & {ms: number} {
  const clock = {
    ms: 0,
    now: () => clock.ms,
    async sleep(ms: number) {
      clock.ms += ms
      tc.clock.advance(ms)
      for (const t of Object.keys(at).map(Number)) {
        if (clock.ms >= t) {
          at[t]()
          delete at[t]
        }
      }
    },
  }
  return clock
}

const PDB_ERROR = (name: string) => `error when evicting pods/"${name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`

describe('drain evictions (drain-evict.ts)', () => {
  let tc: TestCluster
  let out: string[]
  let err: string[]
  const sinks = () => ({out: (t: string) => out.push(t), err: (l: string) => err.push(l)})
  beforeEach(() => {
    tc = testCluster()
    out = []
    err = []
  })
  afterEach(() => tc.close())

  /** The controller's verdict, written by hand: `allowed` disruptions. */
  function allow(allowed: number): void {
    const current = tc.api.get(podDisruptionBudgetType, 'default', 'web-pdb')
    tc.api.updateStatus({...current, status: {currentHealthy: 2, desiredHealthy: 2 - allowed, disruptionsAllowed: allowed, expectedPods: 2, observedGeneration: 1}})
  }

  /** Every pod evicted is gone as soon as it is deleting (the kubelet's part, done by hand). */
  const gone = (pod: KObject): boolean => {
    const now = tc.api.peek('Pod', 'default', pod.metadata.name!)
    if (now?.metadata.deletionTimestamp) tc.api.delete(podType, 'default', pod.metadata.name!, {gracePeriodSeconds: 0})
    if (tc.api.peek('Pod', 'default', pod.metadata.name!)) return false
    out.push(`pod/${pod.metadata.name} evicted\n`)
    return true
  }

  it('retries a refused eviction every 5 s, printing `evicting pod` each time, until the budget allows it', async () => {
    const rs = replicaSet(tc, 'web-1', 2)
    const pods = [webPod(tc, 'a', rs), webPod(tc, 'b', rs)]
    pdb(tc, 'web-pdb', {minAvailable: 1})
    allow(1)
    const clock = fakeWaitClock(tc, {10_000: () => allow(1)})
    const errors = await evictPods(tc.api, {pods, gracePeriod: -1, serverDryRun: false, timeoutMs: 0, clock, gone}, sinks())
    expect(errors).to.deep.equal([])
    expect(out).to.deep.equal(['evicting pod default/a\n', 'evicting pod default/b\n', 'pod/a evicted\n', 'evicting pod default/b\n', 'evicting pod default/b\n', 'pod/b evicted\n'])
    expect(err).to.deep.equal([PDB_ERROR('b'), PDB_ERROR('b')])
    expect(clock.ms).to.equal(10_000)
  })

  it('gives up at --timeout with the global timeout error, on the first try after it', async () => {
    const rs = replicaSet(tc, 'web-1', 2)
    const pods = [webPod(tc, 'a', rs)]
    pdb(tc, 'web-pdb', {minAvailable: 2})
    allow(0)
    const clock = fakeWaitClock(tc)
    const errors = await evictPods(tc.api, {pods, gracePeriod: -1, serverDryRun: false, timeoutMs: 12_000, clock, gone}, sinks())
    expect(errors).to.deep.equal(['error when evicting pods/"a" -n "default": global timeout reached: 12s'])
    expect(out).to.deep.equal(Array(4).fill('evicting pod default/a\n'))
    expect(err).to.deep.equal(Array(3).fill(PDB_ERROR('a')))
    expect(clock.ms).to.equal(15_000)
    expect(tc.get('a')!.metadata.deletionTimestamp).to.equal(undefined)
  })

  it('reports other refusals at once, without retrying', async () => {
    const rs = replicaSet(tc, 'web-1', 2)
    const pods = [webPod(tc, 'a', rs)]
    pdb(tc, 'web-pdb', {minAvailable: 1})
    pdb(tc, 'other', {maxUnavailable: 1})
    const errors = await evictPods(tc.api, {pods, gracePeriod: -1, serverDryRun: false, timeoutMs: 0, clock: fakeWaitClock(tc), gone}, sinks())
    expect(errors).to.deep.equal(['error when evicting pods/"a" -n "default": This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'])
    expect(err).to.deep.equal([])
  })
})
