import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {isStatusError} from '../../src/api/errors.js'
import {Api} from '../../src/api/server.js'
import {T0, conditions, testCluster, type TestCluster} from '../controllers/helpers.js'

const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (error) {
    if (isStatusError(error)) return (error as {reason?: string}).reason
    throw error
  }
  return undefined
}

describe('pods/status and pods/binding', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const web = (): KObject => tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]}, {labels: {app: 'web'}})

  it('takes only the status from a status update: spec, labels and generation stay as stored', () => {
    const pod = web()
    const next = {...pod, metadata: {...pod.metadata, labels: {app: 'other'}}, spec: {...(pod.spec as object), activeDeadlineSeconds: 5}, status: {phase: 'Running', hostIP: '10.0.0.1'}}
    const stored = tc.api.updateStatus(next as KObject)
    expect(stored.status).to.deep.equal({phase: 'Running', hostIP: '10.0.0.1'})
    expect([stored.metadata.labels, stored.metadata.generation, (stored.spec as {activeDeadlineSeconds?: number}).activeDeadlineSeconds]).to.deep.equal([{app: 'web'}, 1, undefined])
    expect(Number(stored.metadata.resourceVersion)).to.be.greaterThan(Number(pod.metadata.resourceVersion))
    expect(tc.get('web')).to.deep.equal(stored)
    // the caller's object is not kept: changing it later changes nothing stored
    ;(next.status as {phase: string}).phase = 'Failed'
    expect((tc.get('web')!.status as {phase: string}).phase).to.equal('Running')
  })

  it('refuses a status update from a stale version with Conflict, and a missing pod with NotFound', () => {
    const pod = web()
    tc.api.updateStatus({...pod, status: {phase: 'Pending', message: 'first'}})
    expect(reasonOf(() => tc.api.updateStatus({...pod, status: {phase: 'Pending', message: 'second'}}))).to.equal('Conflict')
    expect(reasonOf(() => tc.api.updateStatus({...pod, metadata: {...pod.metadata, name: 'nope'}}))).to.equal('NotFound')
  })

  it('binds an unbound pod once: nodeName and PodScheduled=True, generation unchanged', () => {
    const pod = web()
    tc.clock.ms = T0 + 2000
    const bound = tc.api.bind('default', 'web', 'ksim-worker', {uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion})
    expect((bound.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker')
    expect(conditions(bound)).to.deep.equal(['PodScheduled=True'])
    expect((bound.status as {conditions: {lastTransitionTime: string; observedGeneration?: number}[]}).conditions[0]).to.deep.include({lastTransitionTime: '2026-07-01T10:00:02Z', observedGeneration: 1})
    expect(bound.metadata.generation).to.equal(1)
    expect(reasonOf(() => tc.api.bind('default', 'web', 'ksim-worker2'))).to.equal('Conflict')
    expect(reasonOf(() => tc.api.bind('default', 'nope', 'ksim-worker2'))).to.equal('NotFound')
  })

  it('refuses to bind a pod that changed since it was decided about, or is gated', () => {
    const pod = web()
    tc.api.updateStatus({...pod, status: {phase: 'Pending', message: 'moved on'}})
    expect(reasonOf(() => tc.api.bind('default', 'web', 'ksim-worker', {resourceVersion: pod.metadata.resourceVersion}))).to.equal('Conflict')
    expect(reasonOf(() => tc.api.bind('default', 'web', 'ksim-worker', {uid: 'another-uid'}))).to.equal('Conflict')
    tc.pod('gated', {containers: [{name: 'web', image: 'nginx'}], schedulingGates: [{name: 'wait'}]})
    expect(reasonOf(() => tc.api.bind('default', 'gated', 'ksim-worker'))).to.equal('Conflict')
    expect((tc.get('gated')!.spec as {nodeName?: string}).nodeName).to.equal(undefined)
  })
})

describe('event recorder', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const count = (): number => tc.store.count('Event')

  it('bumps count and lastTimestamp of the Event it remembers; a new recorder (a restarted process) starts a new one', async () => {
    const {EventRecorder} = await import('../../src/api/events.js')
    const pod = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    const e = {involved: pod, type: 'Warning' as const, reason: 'BackOff', message: 'Back-off', source: {component: 'kubelet', host: 'ksim-worker'}}
    const first = tc.ctx.recorder.record(e)
    const {uid, resourceVersion} = first.metadata
    expect(JSON.stringify(tc.api.peek('Event', 'default', first.metadata.name!))).to.equal(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {name: first.metadata.name, namespace: 'default', uid, creationTimestamp: '2026-07-01T10:00:00Z', resourceVersion},
        involvedObject: {apiVersion: 'v1', kind: 'Pod', name: 'web', uid: pod.metadata.uid, namespace: 'default', resourceVersion: pod.metadata.resourceVersion},
        reason: 'BackOff',
        message: 'Back-off',
        source: {component: 'kubelet', host: 'ksim-worker'},
        firstTimestamp: '2026-07-01T10:00:00Z',
        lastTimestamp: '2026-07-01T10:00:00Z',
        count: 1,
        type: 'Warning',
        eventTime: null,
        reportingComponent: 'kubelet',
        reportingInstance: 'ksim-worker',
      }),
    )
    tc.clock.ms = T0 + 5000
    const again = tc.ctx.recorder.record(e)
    expect([again.metadata.name, again.count, again.firstTimestamp, again.lastTimestamp]).to.deep.equal([first.metadata.name, 2, '2026-07-01T10:00:00Z', '2026-07-01T10:00:05Z'])
    // the same event from another source is another Event
    tc.ctx.recorder.record({...e, source: {component: 'kubelet', host: 'ksim-worker2'}})
    expect(count()).to.equal(2)
    const restarted = new Api(tc.store, {clock: tc.clock})
    tc.clock.ms = T0 + 6000
    const fresh = new EventRecorder(restarted).record(e)
    expect([fresh.metadata.name === first.metadata.name, fresh.count, count()]).to.deep.equal([false, 1, 3])
    expect(tc.events('web')).to.deep.equal(['Warning BackOff Back-off (x2)', 'Warning BackOff Back-off', 'Warning BackOff Back-off'])
  })

  it('names events after their object and the time, and remembers at most 4096 per source', async () => {
    const {EVENT_CACHE_ENTRIES} = await import('../../src/api/events.js')
    const pod = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    const source = {component: 'kubelet', host: 'ksim-worker'}
    const first = tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'N', message: 'm0', source})
    const second = tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'N', message: 'm1', source})
    expect([first.metadata.name, second.metadata.name]).to.deep.equal([`web.${(BigInt(T0) * 1_000_000n).toString(16)}`, `web.${(BigInt(T0) * 1_000_000n + 1n).toString(16)}`])
    expect(EVENT_CACHE_ENTRIES).to.equal(4096)
    tc.store.batch(() => {
      for (let i = 2; i <= EVENT_CACHE_ENTRIES; i++) {
        tc.clock.advance(1)
        tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'N', message: `m${i}`, source})
      }
    }, 60_000)
    // m0 was the least recently used of 4097: forgotten, its repeat is a new Event; m1 is still known
    expect(tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'N', message: 'm1', source}).count).to.equal(2)
    expect(tc.ctx.recorder.record({involved: pod, type: 'Normal', reason: 'N', message: 'm0', source}).count).to.equal(1)
    expect(count()).to.equal(EVENT_CACHE_ENTRIES + 2)
  })
})
