import {expect} from 'chai'

import {EventTTLController} from '../../src/controllers/event-ttl.js'
import {T0, testCluster, type TestCluster} from './helpers.js'

describe('event expiry', () => {
  let tc: TestCluster
  afterEach(() => tc.close())

  it('deletes an event an hour after it was last recorded, and says when the next one expires', () => {
    tc = testCluster()
    const pod = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    const source = {component: 'kubelet', host: 'ksim-worker'}
    tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"', source})
    tc.clock.ms = T0 + 600_000
    tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'Started', message: 'Started container web', source})
    const c = new EventTTLController()
    expect(tc.pass(c)).to.deep.include({writes: 0, requeueAfterMs: 3_000_000, background: true})
    tc.clock.ms = T0 + 3_600_000
    expect(tc.pass(c)).to.deep.include({writes: 1, requeueAfterMs: 600_000})
    expect(tc.events('web')).to.deep.equal(['Normal Started Started container web'])
  })

  it('counts from the last repeat of an event, and follows the profile TTL', () => {
    tc = testCluster({eventTTLSeconds: 60})
    const pod = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    const e = {involved: pod, type: 'Warning' as const, reason: 'BackOff', message: 'Back-off', source: {component: 'kubelet'}}
    tc.ctx.recorder.record(e)
    tc.clock.ms = T0 + 50_000
    tc.ctx.recorder.record(e)
    tc.clock.ms = T0 + 100_000
    const c = new EventTTLController()
    expect(tc.pass(c).writes).to.equal(0)
    tc.clock.ms = T0 + 110_000
    expect(tc.pass(c)).to.deep.include({writes: 1})
    expect(tc.pass(c).requeueAfterMs).to.equal(undefined)
  })

  it('notices an event written after its last look that expires before the one it was waiting for', () => {
    tc = testCluster()
    const pod = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"', source: {component: 'kubelet'}})
    const c = new EventTTLController()
    expect(tc.pass(c)).to.deep.include({writes: 0, requeueAfterMs: 3_600_000})
    // an Event posted with an old time (kubectl create -f, another recorder): an hour after it, it goes
    const old = new Date(T0 - 3_000_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const involvedObject = {kind: 'Pod', namespace: 'default', name: 'web', uid: pod.metadata.uid}
    tc.api.create({apiVersion: 'v1', kind: 'Event', metadata: {name: 'web.old', namespace: 'default'}, involvedObject, reason: 'Old', message: 'old', type: 'Normal', firstTimestamp: old, lastTimestamp: old})
    tc.clock.ms = T0 + 1000
    expect(tc.pass(c)).to.deep.include({writes: 0, requeueAfterMs: 599_000})
    tc.clock.ms = T0 + 600_000
    expect(tc.pass(c)).to.deep.include({writes: 1, requeueAfterMs: 3_000_000})
    expect(tc.events('web')).to.deep.equal(['Normal Pulling Pulling image "nginx"'])
  })

  it('after compaction passed its place in the log, waits a TTL from its last look instead of reading every event again', () => {
    tc = testCluster()
    const pod = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"', source: {component: 'kubelet'}})
    const c = new EventTTLController()
    expect(tc.pass(c)).to.deep.include({writes: 0, requeueAfterMs: 3_600_000})
    tc.clock.ms = T0 + 60_000
    expect(tc.pass(c)).to.deep.include({writes: 0, requeueAfterMs: 3_540_000})
    // an Event posted with an old time after that look, compacted out of the log before the controller reads it
    tc.clock.ms = T0 + 120_000
    const old = new Date(T0 - 3_000_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const involvedObject = {kind: 'Pod', namespace: 'default', name: 'web', uid: pod.metadata.uid}
    tc.api.create({apiVersion: 'v1', kind: 'Event', metadata: {name: 'web.old', namespace: 'default'}, involvedObject, reason: 'Old', message: 'old', type: 'Normal', firstTimestamp: old, lastTimestamp: old})
    tc.store.compact(tc.store.revision())
    // no rereading of every event now: the missed ones expire an hour after the last look at the earliest
    // (T0 + 60 s), later than the one already known; an event posted with an old time in such a gap lives
    // up to one TTL longer than it should
    tc.clock.ms = T0 + 180_000
    expect(tc.pass(c)).to.deep.include({writes: 0, requeueAfterMs: 3_420_000})
    tc.clock.ms = T0 + 3_600_000
    expect(tc.pass(c)).to.deep.include({writes: 2})
    expect(tc.events('web')).to.deep.equal([])
  })
})
