import {expect} from 'chai'

import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {T0, conditions, containerStatus, phaseOf, stateOf, testCluster} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

describe('kubelet: exits, restarts and back-off', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  // a pod bound to ksim-worker; its container starts 200 ms after the first pass (the sandbox)
  function start(annotations: Record<string, string>, spec: Record<string, unknown> = {}): void {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', ...spec}, {annotations: {...FAST, ...annotations}})
    h.tc.pass(h.k)
    h.tc.clock.advance(200)
    h.tc.pass(h.k)
  }

  it('restarts a crashing container at once, then backs off 10 s, 20 s, 40 s in CrashLoopBackOff', () => {
    start({'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '1'})
    const uid = pod()!.metadata.uid
    expect(stateOf(pod(), 'web')).to.equal('running')

    at(1200)
    let cs = containerStatus(pod(), 'web')!
    expect([stateOf(pod(), 'web'), cs.restartCount, phaseOf(pod())]).to.deep.equal(['running', 1, 'Running'])
    expect(cs.lastState).to.deep.equal({terminated: {exitCode: 1, reason: 'Error', startedAt: '2026-07-01T10:00:00Z', finishedAt: '2026-07-01T10:00:01Z', containerID: cs.lastState.terminated.containerID}})
    expect(cs.lastState.terminated.containerID).to.not.equal(cs.containerID)

    at(2200)
    cs = containerStatus(pod(), 'web')!
    expect(cs.state).to.deep.equal({waiting: {reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=web pod=web_default(${uid})`}})
    expect([cs.restartCount, cs.ready, cs.started, cs.lastState.terminated.exitCode, phaseOf(pod())]).to.deep.equal([1, false, false, 1, 'Running'])
    expect(conditions(pod()).slice(2, 4)).to.deep.equal(['Ready=False/ContainersNotReady', 'ContainersReady=False/ContainersNotReady'])
    expect(h.tc.events('web').filter((e) => e.startsWith('Warning'))).to.deep.equal([`Warning BackOff Back-off restarting failed container web in pod web_default(${uid})`])
    expect(h.tc.pass(h.k).writes).to.equal(0)

    const rv = pod()!.metadata.resourceVersion
    at(12_199)
    expect(pod()!.metadata.resourceVersion).to.equal(rv)
    at(12_200)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['running', 2])

    at(13_200)
    expect(containerStatus(pod(), 'web')!.state.waiting.message).to.equal(`back-off 20s restarting failed container=web pod=web_default(${uid})`)
    at(33_199)
    expect(containerStatus(pod(), 'web')!.restartCount).to.equal(2)
    at(33_200)
    expect(containerStatus(pod(), 'web')!.restartCount).to.equal(3)
    const r = at(34_200)
    expect(containerStatus(pod(), 'web')!.state.waiting.message).to.equal(`back-off 40s restarting failed container=web pod=web_default(${uid})`)
    expect(r.background).to.equal(false)
    at(74_199)
    expect(containerStatus(pod(), 'web')!.restartCount).to.equal(3)
    at(74_200)
    expect(containerStatus(pod(), 'web')!.restartCount).to.equal(4)
    // each sync during a back-off records BackOff again (2.2, 13.2, 33.199, 34.2 and 74.199 s: at least 10 s apart)
    expect(h.tc.events('web').filter((e) => e.startsWith('Warning'))).to.deep.equal([`Warning BackOff Back-off restarting failed container web in pod web_default(${uid}) (x5)`])
    expect(h.tc.events('web').filter((e) => e.startsWith('Normal Started'))).to.deep.equal(['Normal Started Started container web (x5)'])
  })

  it('counts BackOff up every 10 s of a back-off, as the pod worker syncs again (BackOff (xN over ...))', () => {
    start({'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '1'})
    // follow the kubelet's own wake-ups for 5 minutes
    for (let i = 0; i < 1000 && h.tc.clock.ms < T0 + 300_000; i++) {
      const r = h.tc.pass(h.k)
      h.tc.clock.ms = Math.min(h.tc.clock.ms + (r.requeueAfterMs ?? 1000), T0 + 300_000)
    }
    // crashes at 1.2, 2.2, 13.2, 34.2, 75.2, 156.2 s; back-offs 10, 20, 40, 80, 160 s: 1 + 2 + 4 + 8 + 15 (to 300 s) syncs
    const backOffs = h.tc.events('web').filter((e) => e.startsWith('Warning BackOff'))
    expect(backOffs).to.have.length(1)
    expect(backOffs[0]).to.match(/ \(x30\)$/)
    expect(containerStatus(pod(), 'web')!.restartCount).to.equal(5)
  })

  it('forgets the back-off when a container ran for more than 10 minutes between crashes', () => {
    start({'ksim.io/run-seconds': '601', 'ksim.io/exit-code': '1'})
    at(601_200)
    at(1_202_200)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['running', 2])
  })

  it('restarts an Always pod even after a clean exit', () => {
    start({'ksim.io/run-seconds': '1'})
    at(1200)
    expect(containerStatus(pod(), 'web')!.lastState.terminated).to.deep.include({exitCode: 0, reason: 'Completed'})
    expect(containerStatus(pod(), 'web')!.restartCount).to.equal(1)
  })

  it('completes a Never pod that exits 0: Succeeded, with the PodCompleted conditions', () => {
    start({'ksim.io/run-seconds': '1'}, {restartPolicy: 'Never'})
    at(1200)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Succeeded', 'terminated:Completed:0'])
    expect(conditions(pod())).to.deep.equal(['PodReadyToStartContainers=False', 'Initialized=True/PodCompleted', 'Ready=False/PodCompleted', 'ContainersReady=False/PodCompleted', 'PodScheduled=True'])
    expect(h.tc.pass(h.k).writes).to.equal(0)
    h.tc.clock.advance(60_000)
    expect(h.tc.pass(h.k).writes).to.equal(3) // lease renewals only
  })

  it('fails a Never pod whose container exits non-zero', () => {
    start({'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '3'}, {restartPolicy: 'Never'})
    at(1200)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'terminated:Error:3'])
    expect(conditions(pod())).to.deep.equal(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True'])
  })

  it('succeeds an OnFailure pod that exits 0 and restarts one that exits non-zero', () => {
    start({'ksim.io/run-seconds': '1'}, {restartPolicy: 'OnFailure'})
    at(1200)
    expect(phaseOf(pod())).to.equal('Succeeded')
    h.tc.close()
    h.tc = testCluster()
    h.k = new Kubelet()
    h.tc.clock.ms = T0
    start({'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '2'}, {restartPolicy: 'OnFailure'})
    at(1200)
    expect([phaseOf(pod()), stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['Running', 'running', 1])
  })

  it('fails the pod when an init container fails under restartPolicy Never', () => {
    h.tc.pod('web', {initContainers: [{name: 'setup', image: 'busybox:1.36'}], containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', restartPolicy: 'Never'}, {annotations: {...FAST, 'ksim.io/exit-code.setup': '1'}})
    h.tc.pass(h.k)
    at(200)
    expect([phaseOf(pod()), stateOf(pod(), 'setup', true), stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'terminated:Error:1', 'waiting:PodInitializing'])
    expect(conditions(pod())).to.deep.equal(['PodReadyToStartContainers=False', 'Initialized=False/ContainersNotInitialized', 'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True'])
    expect(h.tc.pass(h.k).writes).to.equal(0)
  })

  it('retries a failed init container with back-off under restartPolicy Always', () => {
    h.tc.pod('web', {initContainers: [{name: 'setup', image: 'busybox:1.36'}], containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'}, {annotations: {...FAST, 'ksim.io/exit-code.setup': '1'}})
    h.tc.pass(h.k)
    at(200)
    expect([phaseOf(pod()), stateOf(pod(), 'setup', true), containerStatus(pod(), 'setup', true)!.restartCount]).to.deep.equal(['Pending', 'waiting:CrashLoopBackOff', 1])
  })
})
