// Sidecars (init containers with restartPolicy Always) stop last, as kuberuntime_termination_order.go
// orders them, and a Never/OnFailure pod whose regular containers are done gets its sidecars stopped.
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {podType} from '../../../src/api/kinds/pod.js'
import {T0, containerStatus, phaseOf, stateOf} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

const DEL = 1000
const SIDECARS = [
  {name: 'log', image: 'fluent-bit:3.0', restartPolicy: 'Always'},
  {name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always'},
]

describe('kubelet: sidecars stop last', () => {
  const h = kubeletHarness()
  const {at} = h

  function start(annotations: Record<string, string>, spec: Record<string, unknown> = {}): void {
    h.tc.pod('web', {initContainers: SIDECARS, containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', ...spec}, {annotations: {...FAST, ...annotations}})
    for (const ms of [0, 100, 200, 300, 400]) at(ms)
    expect([stateOf(h.pod(), 'log', true), stateOf(h.pod(), 'proxy', true), stateOf(h.pod(), 'web')]).to.deep.equal(['running', 'running', 'running'])
  }
  const del = (ms: number): void => {
    h.tc.clock.ms = T0 + ms
    h.tc.api.delete(podType, 'default', 'web')
  }
  const finalPod = (): KObject => {
    const changes = h.tc.store.changesSince<KObject>(0, {kind: 'Pod'}).filter((c) => c.name === 'web')
    expect(changes.at(-1)?.type).to.equal('DELETED')
    return changes.at(-2)!.value
  }
  const states = (pod: KObject | undefined): string[] => [stateOf(pod, 'log', true), stateOf(pod, 'proxy', true), stateOf(pod, 'web')]

  it('signals the regular containers first, then each sidecar in reverse order of declaration', () => {
    start({'ksim.io/termination-seconds.web': '5', 'ksim.io/termination-seconds.proxy': '3'})
    del(DEL)
    const r = at(DEL)
    // every container is told it is stopping at once; only web gets SIGTERM now
    expect(h.tc.events('web').slice(-3)).to.deep.equal(['Normal Killing Stopping container log', 'Normal Killing Stopping container proxy', 'Normal Killing Stopping container web'])
    expect(r.requeueAfterMs).to.equal(5000)
    expect(states(h.pod())).to.deep.equal(['running', 'running', 'running'])
    at(DEL + 4999)
    expect(states(h.pod())).to.deep.equal(['running', 'running', 'running'])
    // web has exited: proxy's turn (3 s to handle SIGTERM); log still waits for proxy
    at(DEL + 5000)
    expect(states(h.pod())).to.deep.equal(['running', 'running', 'terminated:Completed:0'])
    at(DEL + 7999)
    expect(h.pod()).to.not.equal(undefined)
    at(DEL + 8000)
    expect(h.pod()).to.equal(undefined)
    const last = finalPod()
    expect(states(last)).to.deep.equal(['terminated:Error:143', 'terminated:Completed:0', 'terminated:Completed:0'])
    expect(containerStatus(last, 'log', true)!.state.terminated.finishedAt).to.equal('2026-07-01T10:00:09Z')
    expect(phaseOf(last)).to.equal('Succeeded')
  })

  it('gives a sidecar what is left of the grace period, never less than 2 s, once the others used it up', () => {
    start({'ksim.io/ignore-sigterm': 'true'}, {terminationGracePeriodSeconds: 10})
    del(DEL)
    at(DEL)
    at(DEL + 9999)
    expect(states(h.pod())).to.deep.equal(['running', 'running', 'running'])
    // web is killed when the grace period ends; the sidecars' wait ends with it: SIGTERM, then SIGKILL 2 s later
    at(DEL + 10_000)
    expect(states(h.pod())).to.deep.equal(['running', 'running', 'terminated:Error:137'])
    at(DEL + 11_999)
    expect(h.pod()).to.not.equal(undefined)
    at(DEL + 12_000)
    expect(h.pod()).to.equal(undefined)
    expect(states(finalPod())).to.deep.equal(['terminated:Error:137', 'terminated:Error:137', 'terminated:Error:137'])
  })

  it('stops the sidecars of a restartPolicy Never pod whose container completed: Succeeded, not deleted', () => {
    start({'ksim.io/run-seconds.web': '2', 'ksim.io/termination-seconds.log': '1'}, {restartPolicy: 'Never'})
    at(2200)
    expect(states(h.pod())).to.deep.equal(['running', 'running', 'terminated:Completed:0'])
    expect(phaseOf(h.pod())).to.equal('Running')
    at(2200)
    expect(h.tc.events('web').slice(-2)).to.deep.equal(['Normal Killing Stopping container log', 'Normal Killing Stopping container proxy'])
    // proxy (declared last) exits on SIGTERM at once; then log's turn, which takes 1 s
    expect(states(h.pod())).to.deep.equal(['running', 'terminated:Error:143', 'terminated:Completed:0'])
    at(3200)
    expect(states(h.pod())).to.deep.equal(['terminated:Completed:0', 'terminated:Error:143', 'terminated:Completed:0'])
    expect(phaseOf(h.pod())).to.equal('Succeeded')
    expect(h.pod()!.metadata.deletionTimestamp).to.equal(undefined)
    expect(h.tc.pass(h.k).writes).to.equal(0)
  })

  it('a failed container of a Never pod: sidecars stopped, Failed; OnFailure restarts it instead', () => {
    start({'ksim.io/run-seconds.web': '2', 'ksim.io/exit-code.web': '1'}, {restartPolicy: 'Never'})
    at(2200)
    at(2200)
    expect(states(h.pod())).to.deep.equal(['terminated:Error:143', 'terminated:Error:143', 'terminated:Error:1'])
    expect(phaseOf(h.pod())).to.equal('Failed')
  })

  it('OnFailure: a failed container restarts and the sidecars keep running', () => {
    start({'ksim.io/run-seconds.web': '2', 'ksim.io/exit-code.web': '1'}, {restartPolicy: 'OnFailure'})
    at(2200)
    at(2200)
    expect(stateOf(h.pod(), 'log', true)).to.equal('running')
    expect(stateOf(h.pod(), 'proxy', true)).to.equal('running')
    expect(phaseOf(h.pod())).to.equal('Running')
    expect(h.tc.events('web').filter((e) => e.includes('Killing'))).to.deep.equal([])
  })
})
