import {expect} from 'chai'

import {jobType} from '../../../src/api/kinds/job.js'
import {GarbageCollector} from '../../../src/controllers/garbage-collector.js'
import {TTLAfterFinishedController} from '../../../src/controllers/job/ttl-after-finished.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {testCluster, type TestCluster} from '../helpers.js'
import {job, podsOf, runner} from './harness.js'

describe('ttl-after-finished controller, and a deleted Job', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('deletes a finished Job ttlSecondsAfterFinished after it finished, with its pods', () => {
    tc.api.create(job('short', {ttlSecondsAfterFinished: 10}, {runSeconds: 1}))
    const r = runner(tc)
    const ttl = new TTLAfterFinishedController()
    const gc = new GarbageCollector()
    r.settle()
    r.run(2)
    expect(tc.api.peek('Job', 'default', 'short')!.status).to.have.property('completionTime', '2026-07-01T10:00:02Z')
    expect(tc.pass(ttl).requeueAfterMs).to.equal(10_000)
    tc.clock.advance(9_999)
    tc.settle(ttl, gc, r.jc)
    expect(tc.api.peek('Job', 'default', 'short')).to.not.equal(undefined)
    tc.clock.advance(1)
    tc.settle(ttl, gc, r.jc, new Kubelet())
    expect(tc.api.peek('Job', 'default', 'short')).to.equal(undefined)
    expect(podsOf(tc)).to.deep.equal([])
  })

  it('releases the tracking finalizer of the pods of a deleted Job so they can go', () => {
    tc.api.create(job('gone', {}, {runSeconds: 100}))
    const r = runner(tc)
    r.run(2)
    expect(podsOf(tc)[0].metadata.finalizers).to.deep.equal(['batch.kubernetes.io/job-tracking'])
    tc.api.delete(jobType, 'default', 'gone', {propagationPolicy: 'Background'})
    const gc = new GarbageCollector()
    tc.settle(gc)
    r.run(2)
    tc.settle(gc, r.jc)
    expect(podsOf(tc)).to.deep.equal([])
  })
})
