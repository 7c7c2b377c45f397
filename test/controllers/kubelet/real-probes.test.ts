// Probes whose runs take time (the process runtime's): the kubelet's pass never waits for one. A run not
// answered yet leaves the result as it was, and a later pass takes the answer; errored runs are recorded
// and count for nothing; a run missed by a late pass answers as the one before it. The prober here is
// the process runtime's (prober.ts) with a fake runner whose runs the test answers, on the fake clock.
import type {ContainerHandle, ContainerRef, ProbeAnswer, ProbeKind, Runtime} from '../../../src/controllers/kubelet/runtime.js'

import {expect} from 'chai'

import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {Prober} from '../../../src/controllers/kubelet/process/prober.js'
import {probeOf} from '../../../src/controllers/kubelet/simulated-probes.js'
import {SimulatedRuntime} from '../../../src/controllers/kubelet/simulated-runtime.js'
import {T0, containerStatus, stateOf} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

interface Run {
  kind: ProbeKind
  answer(a: ProbeAnswer): Promise<void>
}

describe('kubelet: probes that really run (asynchronous answers)', () => {
  const h = kubeletHarness()
  let runs: Run[]

  // the simulated runtime, its probes answered through the process runtime's prober
  function kubelet(): Kubelet {
    const prober = new Prober((_ref, kind) => new Promise((resolve) => runs.push({kind, answer: async (a) => {
      resolve(a)
      await new Promise((r) => setImmediate(r))
    }})), () => h.tc.clock.ms)
    const sim: Runtime = new SimulatedRuntime(h.tc.profile)
    sim.probe = (ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, atMs: number) => prober.answer(ref, kind, probeOf(ref.container, kind)!, handle, atMs)
    sim.probeChangesAt = (_ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, afterMs: number) => prober.changesAt(handle, kind, afterMs)
    return new Kubelet(sim)
  }
  beforeEach(() => {
    runs = []
    h.k = kubelet()
  })
  const start = (container: Record<string, unknown>): void => {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', ...container}], nodeName: 'ksim-worker'}, {annotations: FAST})
    h.at(0)
    h.at(200)
  }
  const ready = (): boolean => containerStatus(h.pod(), 'web')!.ready
  const probeEvents = (): string[] => h.tc.events('web').filter((e) => / (Unhealthy|Killing) /.test(e))

  it('stays unready while a readiness run is unanswered, and becomes Ready once it succeeds', async () => {
    start({readinessProbe: {httpGet: {path: '/', port: 8080}, periodSeconds: 5}})
    const r = h.at(400)
    expect([runs.length, ready()]).to.deep.equal([1, false])
    expect(r.requeueAfterMs, 'it looks again soon for the answer').to.be.at.most(250)
    // passes while the run is out start no second one
    h.at(600)
    expect(runs.length).to.equal(1)
    await runs[0].answer({ok: true, output: ''})
    h.at(700)
    expect(ready()).to.equal(true)
    // the next run is due at 5.4 s
    h.at(5_400)
    expect(runs.length).to.equal(2)
    expect(ready(), 'the result stands while the next run is out').to.equal(true)
    await runs[1].answer({ok: true, output: ''})
    h.at(5_500)
    expect([ready(), probeEvents()]).to.deep.equal([true, []])
  })

  it('kills the container after failureThreshold failed liveness runs, with the runs\' own output', async () => {
    start({livenessProbe: {exec: {command: ['check']}, periodSeconds: 1, failureThreshold: 2}})
    h.at(400)
    await runs[0].answer({ok: false, output: 'not yet\n'})
    h.at(500)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Liveness probe failed: not yet\n'])
    expect(stateOf(h.pod(), 'web')).to.equal('running')
    h.at(1_400)
    await runs[1].answer({ok: false, output: 'not yet\n'})
    h.at(1_500)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Liveness probe failed: not yet\n (x2)', 'Normal Killing Container web failed liveness probe, will be restarted'])
    expect(containerStatus(h.pod(), 'web')!.restartCount).to.equal(1)
  })

  it('records an errored run and discards it: it neither fails nor passes the probe', async () => {
    start({readinessProbe: {tcpSocket: {port: 'http'}, periodSeconds: 1, failureThreshold: 1}})
    h.at(400)
    await runs[0].answer({ok: false, errored: true, output: 'strconv.Atoi: parsing "http": invalid syntax'})
    h.at(1_400)
    await runs[1].answer({ok: true, output: ''})
    h.at(1_500)
    expect(ready()).to.equal(true)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "http": invalid syntax'])
  })

  it('does not catch up runs a late pass missed: they answer as the run before them', async () => {
    start({readinessProbe: {httpGet: {path: '/', port: 8080}, periodSeconds: 1, failureThreshold: 3}})
    h.at(400)
    await runs[0].answer({ok: true, output: ''})
    // the next pass comes 10 s late: runs 1.4-9.4 s were missed, 10.4 s runs now
    h.at(10_450)
    expect([runs.length, ready()]).to.deep.equal([2, true])
    await runs[1].answer({ok: false, output: 'HTTP probe failed with statuscode: 503'})
    h.at(10_500)
    // one failure is not three: still ready
    expect([ready(), probeEvents()]).to.deep.equal([true, ['Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 503']])
    // a pass that finds nothing new writes nothing
    expect(h.at(10_600).writes ?? 0).to.equal(0)
  })
})
