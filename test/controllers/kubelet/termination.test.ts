import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {nodeType} from '../../../src/api/kinds/node.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {T0, conditions, containerStatus, phaseOf, stateOf, testCluster, type TestCluster} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

/** the pod is deleted at this time (its container has run since 200 ms) */
const DEL = 1000

describe('kubelet: graceful termination', () => {
  const h = kubeletHarness()
  const {at} = h

  function running(annotations: Record<string, string> = {}, spec: Record<string, unknown> = {}): void {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', ...spec}, {annotations: {...FAST, ...annotations}})
    at(0)
    at(200)
    expect(phaseOf(h.tc.get('web'))).to.equal('Running')
  }
  const del = (ms: number, grace?: number): void => {
    h.tc.clock.ms = T0 + ms
    h.tc.api.delete(podType, 'default', 'web', grace === undefined ? {} : {gracePeriodSeconds: grace})
  }
  const gone = (): boolean => h.tc.get('web') === undefined
  /** the last status the pod had before it was removed */
  const finalPod = (): KObject => {
    const changes = h.tc.store.changesSince<KObject>(0, {kind: 'Pod'}).filter((c) => c.name === 'web')
    expect(changes.at(-1)?.type).to.equal('DELETED')
    return changes.at(-2)!.value
  }

  it('stops a container that exits on SIGTERM at once: Killing, exit 143, Failed, then deleted with grace 0', () => {
    running()
    del(DEL)
    expect(h.tc.get('web')?.metadata.deletionGracePeriodSeconds).to.equal(30)
    at(DEL)
    expect(gone()).to.equal(true)
    expect(h.tc.events('web').slice(-1)).to.deep.equal(['Normal Killing Stopping container web'])
    const last = finalPod()
    expect([phaseOf(last), stateOf(last, 'web')]).to.deep.equal(['Failed', 'terminated:Error:143'])
    expect(conditions(last)).to.deep.equal(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True'])
  })

  it('waits for a container that handles SIGTERM in ksim.io/termination-seconds, then finishes Succeeded', () => {
    running({'ksim.io/termination-seconds': '5'})
    del(DEL)
    const r = at(DEL)
    expect(r).to.deep.include({requeueAfterMs: 5000, background: false})
    expect([phaseOf(h.tc.get('web')), stateOf(h.tc.get('web'), 'web')]).to.deep.equal(['Running', 'running'])
    expect(h.tc.pass(h.k).writes).to.equal(0)
    at(DEL + 4999)
    expect(gone()).to.equal(false)
    at(DEL + 5000)
    expect(gone()).to.equal(true)
    expect([phaseOf(finalPod()), stateOf(finalPod(), 'web')]).to.deep.equal(['Succeeded', 'terminated:Completed:0'])
  })

  it('kills a container that ignores SIGTERM when the grace period ends: exit 137', () => {
    running({'ksim.io/ignore-sigterm': 'true'})
    del(DEL)
    at(DEL)
    at(DEL + 29_999)
    expect(gone()).to.equal(false)
    at(DEL + 30_000)
    expect(gone()).to.equal(true)
    const cs = containerStatus(finalPod(), 'web')!
    expect(cs.state.terminated).to.deep.include({exitCode: 137, reason: 'Error', finishedAt: '2026-07-01T10:00:31Z'})
  })

  it('runs the preStop hook first: SIGTERM when it returns, SIGKILL at the end of the grace period', () => {
    running({'ksim.io/ignore-sigterm': 'true'}, {containers: [{name: 'web', image: 'nginx:1.27', lifecycle: {preStop: {sleep: {seconds: 5}}}}]})
    del(DEL)
    at(DEL)
    at(DEL + 29_999)
    expect(gone()).to.equal(false)
    at(DEL + 30_000)
    expect(gone()).to.equal(true)
  })

  it('sends SIGTERM as soon as a sleep preStop hook returns', () => {
    running({}, {containers: [{name: 'web', image: 'nginx:1.27', lifecycle: {preStop: {sleep: {seconds: 5}}}}]})
    del(DEL)
    expect(at(DEL).requeueAfterMs).to.equal(5000)
    at(DEL + 4999)
    expect(gone()).to.equal(false)
    at(DEL + 5000)
    expect(gone()).to.equal(true)
    expect(stateOf(finalPod(), 'web')).to.equal('terminated:Error:143')
  })

  it('gives a preStop hook that overruns the grace period a one-off 2 s of SIGTERM before SIGKILL', () => {
    running({'ksim.io/ignore-sigterm': 'true', 'ksim.io/prestop-exec-seconds': '40'}, {containers: [{name: 'web', image: 'nginx:1.27', lifecycle: {preStop: {exec: {command: ['sleep', '40']}}}}]})
    del(DEL)
    at(DEL)
    at(DEL + 31_999)
    expect(gone()).to.equal(false)
    at(DEL + 32_000)
    expect(gone()).to.equal(true)
    expect(stateOf(finalPod(), 'web')).to.equal('terminated:Error:137')
  })

  it('never leaves less than 2 s between SIGTERM and SIGKILL', () => {
    running({'ksim.io/ignore-sigterm': 'true'}, {containers: [{name: 'web', image: 'nginx:1.27', lifecycle: {preStop: {sleep: {seconds: 29}}}}]})
    del(DEL)
    at(DEL)
    at(DEL + 30_999)
    expect(gone()).to.equal(false)
    at(DEL + 31_000)
    expect(gone()).to.equal(true)
  })

  it('shortens the termination when a second delete shortens the grace period', () => {
    running({'ksim.io/ignore-sigterm': 'true'})
    del(DEL)
    at(DEL)
    del(DEL + 5000, 10)
    expect(h.tc.get('web')?.metadata.deletionGracePeriodSeconds).to.equal(10)
    at(DEL + 5000)
    at(DEL + 14_999)
    expect(gone()).to.equal(false)
    at(DEL + 15_000)
    expect(gone()).to.equal(true)
    expect(h.tc.events('web').slice(-1)).to.deep.equal(['Normal Killing Stopping container web (x2)'])
  })

  it('starts the termination over with the full grace period after a reconciler restart', () => {
    running({'ksim.io/ignore-sigterm': 'true'})
    del(DEL)
    at(DEL)
    at(DEL + 20_000)
    const restarted = new Kubelet()
    at(DEL + 20_000, restarted)
    at(DEL + 30_000, restarted)
    expect(gone()).to.equal(false)
    at(DEL + 49_999, restarted)
    expect(gone()).to.equal(false)
    at(DEL + 50_000, restarted)
    expect(gone()).to.equal(true)
    expect(h.tc.events('web').slice(-1)).to.deep.equal(['Normal Killing Stopping container web (x2)'])
  })

  it('reports each container as it stops while the others still run', () => {
    h.tc.pod('web', {containers: [{name: 'fast', image: 'nginx:1.27'}, {name: 'slow', image: 'nginx:1.27'}], nodeName: 'ksim-worker'}, {annotations: {...FAST, 'ksim.io/ignore-sigterm.slow': 'true'}})
    at(0)
    at(200)
    del(DEL)
    at(DEL)
    const pod = h.tc.get('web')
    expect([phaseOf(pod), stateOf(pod, 'fast'), stateOf(pod, 'slow')]).to.deep.equal(['Running', 'terminated:Error:143', 'running'])
    expect(conditions(pod).slice(2, 4)).to.deep.equal(['Ready=False/ContainersNotReady', 'ContainersReady=False/ContainersNotReady'])
    expect(h.tc.events('web').slice(-2)).to.deep.equal(['Normal Killing Stopping container fast', 'Normal Killing Stopping container slow'])
    expect(h.tc.pass(h.k).writes).to.equal(0)
    at(DEL + 30_000)
    expect(gone()).to.equal(true)
  })

  it('finishes at once a pod whose containers never started', () => {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', env: [{name: 'X', valueFrom: {configMapKeyRef: {name: 'missing', key: 'x'}}}]}], nodeName: 'ksim-worker'}, {annotations: FAST})
    at(0)
    at(200)
    del(DEL)
    at(DEL)
    expect(gone()).to.equal(true)
    expect([phaseOf(finalPod()), stateOf(finalPod(), 'web')]).to.deep.equal(['Failed', 'terminated:ContainerStatusUnknown:137'])
  })

  it('leaves a pod on a node whose kubelet is stopped Terminating', () => {
    running({})
    h.tc.api.modify(nodeType, '', 'ksim-worker', (n) => {
      n.metadata.annotations = {...n.metadata.annotations, 'ksim.io/kubelet-stopped': 'true'}
    })
    del(DEL)
    at(DEL)
    at(DEL + 60_000)
    expect(gone()).to.equal(false)
    expect(phaseOf(h.tc.get('web'))).to.equal('Running')
  })
})

describe('kubelet: termination deadlines across wall-clock steps', () => {
  let tc: TestCluster
  let k: Kubelet
  beforeEach(() => {
    tc = testCluster()
    k = new Kubelet()
  })
  afterEach(() => tc.close())

  // the pod runs, then is deleted with a 5 s grace period at T0+1 s; its container ignores SIGTERM
  function terminating(): void {
    tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'}, {annotations: {...FAST, 'ksim.io/ignore-sigterm': 'true'}})
    tc.pass(k)
    tc.clock.advance(200)
    tc.pass(k)
    tc.clock.advance(800)
    tc.api.delete(podType, 'default', 'web', {gracePeriodSeconds: 5})
    tc.pass(k)
    expect(tc.events('web').filter((e) => e.includes('Killing'))).to.deep.equal(['Normal Killing Stopping container web'])
  }
  const killings = (): number => tc.events('web').filter((e) => e.includes('Killing')).length

  it('a -600 s step does not leave the pod Terminating: it is killed 5 s after the delete, with one Killing event', () => {
    terminating()
    tc.clock.advance(1000)
    tc.pass(k)
    tc.clock.step(-600_000)
    tc.clock.advance(3999)
    tc.pass(k)
    expect(tc.get('web')).to.not.equal(undefined)
    tc.clock.advance(1)
    tc.pass(k)
    expect(tc.get('web')).to.equal(undefined)
    expect(killings()).to.equal(1)
  })

  it('a +600 s step does not end the grace period early', () => {
    terminating()
    tc.pass(k)
    tc.clock.step(600_000)
    tc.clock.advance(4000)
    tc.pass(k)
    expect(tc.get('web')).to.not.equal(undefined)
    tc.clock.advance(1000)
    tc.pass(k)
    expect(tc.get('web')).to.equal(undefined)
    expect(killings()).to.equal(1)
  })
})
