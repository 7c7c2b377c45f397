// Probes on the fake clock: runs every periodSeconds (the first 200 ms after the start), thresholds,
// Unhealthy events, the kill after a failed liveness or startup probe, readiness failing and recovering.
import {expect} from 'chai'

import {T0, conditions, containerStatus, phaseOf, stateOf} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

const HTTP = {httpGet: {path: '/healthz', port: 8080}, periodSeconds: 5}

describe('kubelet: probes', () => {
  const h = kubeletHarness()

  /** passes at every time the kubelet asks to be woken, up to T0 + `ms` */
  function runUntil(ms: number): void {
    for (let i = 0; i < 1000 && h.tc.clock.ms < T0 + ms; i++) {
      const r = h.tc.pass(h.k)
      h.tc.clock.ms = Math.min(h.tc.clock.ms + (r.requeueAfterMs ?? Infinity), T0 + ms)
    }
    h.tc.pass(h.k)
  }
  function start(container: Record<string, unknown>, annotations: Record<string, string>, spec: Record<string, unknown> = {}): void {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', ...container}], nodeName: 'ksim-worker', ...spec}, {annotations: {...FAST, ...annotations}})
    runUntil(0)
    // the sandbox takes 200 ms: the container starts at 200 ms, its probes run from 400 ms on
    runUntil(200)
    expect(containerStatus(h.pod(), 'web')!.state.running.startedAt).to.equal('2026-07-01T10:00:00Z')
  }
  const ready = (): boolean => containerStatus(h.pod(), 'web')!.ready
  const probeEvents = (): string[] => h.tc.events('web').filter((e) => / (Unhealthy|Killing) /.test(e))

  it('restarts a container whose liveness probe fails failureThreshold times in a row', () => {
    start({livenessProbe: HTTP}, {'ksim.io/liveness-fail-seconds.web': '10'})
    // runs at 0.4, 5.4, 10.4 (first failure), 15.4, 20.4 s (third: the kill)
    runUntil(20_399)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500 (x2)'])
    expect(containerStatus(h.pod(), 'web')!.restartCount).to.equal(0)
    runUntil(20_400)
    expect(probeEvents()).to.deep.equal([
      'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500 (x3)',
      'Normal Killing Container web failed liveness probe, will be restarted',
    ])
    // no SIGTERM handler: it dies at once (143) and starts again at once (the first restart has no back-off)
    const cs = containerStatus(h.pod(), 'web')!
    expect([stateOf(h.pod(), 'web'), cs.restartCount, cs.lastState.terminated?.exitCode]).to.deep.equal(['running', 1, 143])
    // the new container fails 10 s after its own start, and is killed again after three runs
    runUntil(40_800)
    expect(containerStatus(h.pod(), 'web')!.restartCount).to.equal(1)
    expect(stateOf(h.pod(), 'web')).to.equal('waiting:CrashLoopBackOff')
  })

  it('kills but does not restart under restartPolicy Never: the pod fails', () => {
    start({livenessProbe: {...HTTP, failureThreshold: 1}}, {'ksim.io/liveness-fail-seconds': '5', 'ksim.io/ignore-sigterm': 'true'}, {restartPolicy: 'Never', terminationGracePeriodSeconds: 3})
    runUntil(5_400)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500', 'Normal Killing Container web failed liveness probe'])
    // it ignores SIGTERM: SIGKILL when the grace period ends; no more probe runs meanwhile
    runUntil(8_399)
    expect(stateOf(h.pod(), 'web')).to.equal('running')
    runUntil(8_400)
    expect([phaseOf(h.pod()), stateOf(h.pod(), 'web')]).to.deep.equal(['Failed', 'terminated:Error:137'])
    expect(probeEvents()).to.have.length(2)
  })

  it('takes a container out of readiness while its readiness probe fails, and back when it recovers', () => {
    start({readinessProbe: {...HTTP, tcpSocket: undefined}}, {'ksim.io/readiness-fail-seconds': '10', 'ksim.io/readiness-recover-seconds': '30'})
    runUntil(400)
    expect(ready()).to.equal(true)
    // failures at 10.4, 15.4 and 20.4 s: Ready goes False with the third
    runUntil(20_399)
    expect(ready()).to.equal(true)
    runUntil(20_400)
    expect([ready(), conditions(h.pod())[2]]).to.deep.equal([false, 'Ready=False/ContainersNotReady'])
    expect(stateOf(h.pod(), 'web')).to.equal('running')
    runUntil(30_400)
    expect([ready(), conditions(h.pod())[2]]).to.deep.equal([true, 'Ready=True'])
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 500 (x4)'])
    // recovered for good: nothing more to do
    expect(h.tc.pass(h.k).requeueAfterMs).to.not.be.lessThan(9000)
  })

  it('reports a refused connection for a tcpSocket probe, naming the pod IP and port', () => {
    start({ports: [{name: 'http', containerPort: 8080}], readinessProbe: {tcpSocket: {port: 'http'}, periodSeconds: 5, failureThreshold: 1}}, {'ksim.io/readiness-fail-seconds': '0'})
    runUntil(400)
    const ip = (h.pod()!.status as {podIP: string}).podIP
    expect(probeEvents()).to.deep.equal([`Warning Unhealthy Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`])
    expect(ready()).to.equal(false)
  })

  it('kills a container whose startup probe never succeeds; liveness and readiness wait for it', () => {
    const probe = {exec: {command: ['cat', '/tmp/started']}, periodSeconds: 3, failureThreshold: 2}
    start({startupProbe: probe, livenessProbe: HTTP, readinessProbe: HTTP}, {'ksim.io/startup-fail-seconds': '0'})
    runUntil(3_399)
    expect([containerStatus(h.pod(), 'web')!.started, ready()]).to.deep.equal([false, false])
    runUntil(3_400)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Startup probe failed:  (x2)', 'Normal Killing Container web failed startup probe, will be restarted'])
    expect(containerStatus(h.pod(), 'web')!.restartCount).to.equal(1)
  })

  it('runs liveness and readiness once the startup probe succeeded', () => {
    const startup = {httpGet: {path: '/', port: 80}, periodSeconds: 3, failureThreshold: 10}
    start({startupProbe: startup, readinessProbe: HTTP}, {'ksim.io/startup-fail-seconds': '5'})
    // the startup probe succeeds at its first run (0.4 s) and never runs again; readiness runs at once
    runUntil(400)
    expect([containerStatus(h.pod(), 'web')!.started, ready()]).to.deep.equal([true, true])
    runUntil(60_000)
    expect(probeEvents()).to.deep.equal([])
  })

  it('does not count runs before initialDelaySeconds', () => {
    start({livenessProbe: {...HTTP, initialDelaySeconds: 12, failureThreshold: 1}}, {'ksim.io/liveness-fail-seconds': '0'})
    // runs at 0.4, 5.4 and 10.4 s fall in the delay; 15.4 s is the first that counts
    runUntil(15_399)
    expect(probeEvents()).to.deep.equal([])
    runUntil(15_400)
    expect(probeEvents()).to.deep.equal(['Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500', 'Normal Killing Container web failed liveness probe, will be restarted'])
  })
})
