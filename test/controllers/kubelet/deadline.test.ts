import {expect} from 'chai'

import {podType} from '../../../src/api/kinds/pod.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {T0, conditions, containerStatus, phaseOf, stateOf, testCluster} from '../helpers.js'
import {kubeletHarness} from './harness.js'

const MESSAGE = 'Pod was active on the node longer than the specified deadline'
const FAILED_CONDITIONS = ['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True']

describe('kubelet: activeDeadlineSeconds', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  const status = (): Record<string, any> => (pod()?.status ?? {}) as Record<string, any>
  // startTime 10:00:00; running from 700 ms
  function run(spec: Record<string, unknown> = {}, annotations: Record<string, string> = {}): void {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', ...spec}, {annotations})
    for (const ms of [0, 200, 500, 700]) at(ms)
    expect(stateOf(pod(), 'web')).to.equal('running')
  }
  function setDeadline(seconds: number): void {
    h.tc.api.modify(podType, 'default', 'web', (p) => {
      ;(p.spec as {activeDeadlineSeconds?: number}).activeDeadlineSeconds = seconds
    })
  }
  const deadlineEvents = (): string[] => h.tc.events('web').filter((e) => e.includes('DeadlineExceeded') || e.includes('Killing'))

  it('fails a running pod once it has been active for the deadline set on it, and stops its containers', () => {
    run()
    h.tc.clock.ms = T0 + 10_000
    setDeadline(30)
    h.tc.pass(h.k)
    expect(phaseOf(pod())).to.equal('Running')
    const rv = pod()!.metadata.resourceVersion
    at(29_999)
    expect(pod()!.metadata.resourceVersion).to.equal(rv)
    at(30_000)
    expect([phaseOf(pod()), status().reason, status().message]).to.deep.equal(['Failed', 'DeadlineExceeded', MESSAGE])
    expect(conditions(pod())).to.deep.equal(FAILED_CONDITIONS)
    // no handler for SIGTERM: it dies at once, and the kubelet is done with the pod in the same sync
    expect(containerStatus(pod(), 'web')!.state.terminated).to.deep.include({exitCode: 143, reason: 'Error', finishedAt: '2026-07-01T10:00:30Z'})
    expect(deadlineEvents()).to.have.members([`Normal DeadlineExceeded ${MESSAGE} (x4)`, 'Normal Killing Stopping container web'])
    expect(pod()!.metadata.deletionTimestamp).to.equal(undefined)
    expect(h.tc.pass(h.k).writes).to.equal(0)
    h.tc.clock.advance(60_000)
    expect(h.tc.pass(h.k).writes).to.equal(3) // lease renewals only
    expect(pod()).to.not.equal(undefined)
  })

  it('kills with the grace period and preStop hook, showing Failed while the containers stop', () => {
    run({terminationGracePeriodSeconds: 5, activeDeadlineSeconds: 20}, {'ksim.io/ignore-sigterm': 'true'})
    at(20_000)
    expect([phaseOf(pod()), status().reason, stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'DeadlineExceeded', 'running'])
    expect(conditions(pod())).to.deep.equal(FAILED_CONDITIONS)
    expect(deadlineEvents()).to.deep.equal([`Normal DeadlineExceeded ${MESSAGE} (x2)`, 'Normal Killing Stopping container web'])
    at(24_999)
    expect(stateOf(pod(), 'web')).to.equal('running')
    at(25_000)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'terminated:Error:137'])
    expect(deadlineEvents()).to.have.members([`Normal DeadlineExceeded ${MESSAGE} (x4)`, 'Normal Killing Stopping container web'])
    expect(h.tc.pass(h.k).writes).to.equal(0)
  })

  it('fails at once a pod whose new deadline has already passed, counting from its start time', () => {
    run()
    h.tc.clock.ms = T0 + 120_000
    setDeadline(60)
    h.tc.pass(h.k)
    expect([phaseOf(pod()), status().reason, stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'DeadlineExceeded', 'terminated:Error:143'])
  })

  it('shortens a deadline already set, and never touches a pod that completed before it', () => {
    run({activeDeadlineSeconds: 600})
    h.tc.clock.ms = T0 + 10_000
    setDeadline(15)
    h.tc.pass(h.k)
    at(15_000)
    expect(status().reason).to.equal('DeadlineExceeded')

    h.tc.close()
    h.tc = testCluster()
    h.k = new Kubelet()
    run({restartPolicy: 'Never', activeDeadlineSeconds: 5}, {'ksim.io/run-seconds': '1'})
    at(1_700)
    expect(phaseOf(pod())).to.equal('Succeeded')
    at(10_000)
    expect([phaseOf(pod()), status().reason, deadlineEvents()]).to.deep.equal(['Succeeded', undefined, []])
  })

  it('starts the kill over after a kubelet restart, without changing the status it posted', () => {
    run({terminationGracePeriodSeconds: 5, activeDeadlineSeconds: 20}, {'ksim.io/ignore-sigterm': 'true'})
    at(20_000)
    h.k = new Kubelet()
    at(22_000)
    at(26_999)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'running'])
    at(27_000)
    expect(stateOf(pod(), 'web')).to.equal('terminated:Error:137')
  })
})
