import {expect} from 'chai'

import {podType} from '../../../src/api/kinds/pod.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {imageIDOf, imageSizeOf} from '../../../src/controllers/kubelet/images.js'
import {T0, conditions, containerStatus, phaseOf, stateOf} from '../helpers.js'
import {kubeletHarness} from './harness.js'

const OLD_ID = imageIDOf('nginx:1.27')
const NEW_ID = imageIDOf('nginx:1.28')
const PULLED_NEW = `Normal Pulled Successfully pulled image "nginx:1.28" in 300ms (300ms including waiting). Image size: ${imageSizeOf('nginx:1.28')} bytes.`
const PULLED_OLD = `Normal Pulled Successfully pulled image "nginx:1.27" in 300ms (300ms including waiting). Image size: ${imageSizeOf('nginx:1.27')} bytes.`
const KILLING = 'Normal Killing Container web definition changed, will be restarted'

describe('kubelet: restarts a container whose definition changed', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  // the profile's timings: sandbox 200 ms, pull 300 ms, start 200 ms — running and ready at 700 ms
  function run(spec: Record<string, unknown> = {}, annotations: Record<string, string> = {}): void {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', ...spec}, {annotations})
    for (const ms of [0, 200, 500, 700]) at(ms)
    expect(stateOf(pod(), 'web')).to.equal('running')
  }
  function setImage(image: string, container = 'web', init = false): void {
    h.tc.api.modify(podType, 'default', 'web', (p) => {
      const spec = p.spec as {containers: {name: string; image: string}[]; initContainers?: {name: string; image: string}[]}
      ;(init ? spec.initContainers! : spec.containers).find((c) => c.name === container)!.image = image
    })
  }
  const kubeletEvents = (): string[] => h.tc.events('web').filter((e) => !e.startsWith('Normal Scheduled'))

  it('kills the old container, pulls and starts the new image; the status changes only once it runs', () => {
    run()
    const before = containerStatus(pod(), 'web')!
    h.tc.clock.ms = T0 + 10_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    // the pod worker is busy killing and pulling: the status still shows the old container, ready
    let cs = containerStatus(pod(), 'web')!
    expect(cs).to.deep.equal(before)
    expect(kubeletEvents().slice(-2)).to.deep.equal([KILLING, 'Normal Pulling Pulling image "nginx:1.28"'])
    expect([phaseOf(pod()), conditions(pod())[2]]).to.deep.equal(['Running', 'Ready=True'])
    at(10_300)
    expect(containerStatus(pod(), 'web')).to.deep.equal(before)
    at(10_499)
    expect(containerStatus(pod(), 'web')).to.deep.equal(before)
    at(10_500)
    cs = containerStatus(pod(), 'web')!
    expect(cs).to.deep.equal({
      name: 'web',
      state: {running: {startedAt: '2026-07-01T10:00:10Z'}},
      lastState: {terminated: {exitCode: 143, reason: 'Error', startedAt: '2026-07-01T10:00:00Z', finishedAt: '2026-07-01T10:00:10Z', containerID: before.containerID}},
      ready: true,
      restartCount: 1,
      image: 'docker.io/library/nginx:1.28',
      imageID: NEW_ID,
      containerID: cs.containerID,
      started: true,
      resources: {},
      volumeMounts: before.volumeMounts,
    })
    expect(cs.containerID).to.match(/^containerd:\/\/[0-9a-f]{64}$/).and.not.equal(before.containerID)
    expect(before.imageID).to.equal(OLD_ID)
    // Created and Started are the same events as the first start's, counted twice
    expect(kubeletEvents()).to.deep.equal([
      'Normal Pulling Pulling image "nginx:1.27"',
      PULLED_OLD,
      'Normal Created Created container: web (x2)',
      'Normal Started Started container web (x2)',
      KILLING,
      'Normal Pulling Pulling image "nginx:1.28"',
      PULLED_NEW,
    ])
    expect(h.tc.pass(h.k).writes).to.equal(0)
    h.tc.clock.advance(60_000)
    expect(h.tc.pass(h.k).writes).to.equal(3) // lease renewals only: nothing restarts again
  })

  it('gives the old container the grace period to stop: preStop, SIGTERM ignored, SIGKILL after the grace', () => {
    run({terminationGracePeriodSeconds: 5, containers: [{name: 'web', image: 'nginx:1.27', lifecycle: {preStop: {sleep: {seconds: 2}}}}]}, {'ksim.io/ignore-sigterm': 'true'})
    const before = containerStatus(pod(), 'web')!
    h.tc.clock.ms = T0 + 10_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    expect(h.tc.events('web').at(-1)).to.equal('Normal Killing Container web definition changed, will be restarted')
    // preStop 2 s, then SIGTERM with 3 s left: SIGKILL at 15 s
    for (const ms of [12_000, 14_999]) {
      at(ms)
      expect(containerStatus(pod(), 'web')).to.deep.equal(before)
      expect(h.tc.events('web').some((e) => e.includes('Pulling image "nginx:1.28"'))).to.equal(false)
    }
    at(15_000)
    expect(h.tc.events('web').at(-1)).to.equal('Normal Pulling Pulling image "nginx:1.28"')
    at(15_500)
    const cs = containerStatus(pod(), 'web')!
    expect([stateOf(pod(), 'web'), cs.restartCount, cs.image]).to.deep.equal(['running', 1, 'docker.io/library/nginx:1.28'])
    expect(cs.lastState.terminated).to.deep.include({exitCode: 137, reason: 'Error', finishedAt: '2026-07-01T10:00:15Z'})
  })

  it('restarts the container whatever the restartPolicy, and uses an image already on the node without pulling', () => {
    h.tc.pod('other', {containers: [{name: 'c', image: 'nginx:1.28'}], nodeName: 'ksim-worker'})
    run({restartPolicy: 'Never'})
    h.tc.clock.ms = T0 + 10_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    at(10_200)
    expect([phaseOf(pod()), stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['Running', 'running', 1])
    expect(kubeletEvents().slice(-2)).to.deep.equal([KILLING, 'Normal Pulled Container image "nginx:1.28" already present on machine'])
    expect(h.tc.events('web').filter((e) => e.startsWith('Normal Started'))).to.deep.equal(['Normal Started Started container web (x2)'])
  })

  it('keeps the new container unready until its readiness probe first succeeds', () => {
    run({containers: [{name: 'web', image: 'nginx:1.27', readinessProbe: {httpGet: {path: '/', port: 80}, initialDelaySeconds: 3}}]})
    // the probe runs 200 ms after the start, then every 10 s; runs before initialDelaySeconds count for nothing
    at(10_899)
    expect(containerStatus(pod(), 'web')!.ready).to.equal(false)
    at(10_900)
    expect(containerStatus(pod(), 'web')!.ready).to.equal(true)
    h.tc.clock.ms = T0 + 12_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    expect(containerStatus(pod(), 'web')!.ready).to.equal(true)
    at(12_500)
    expect([containerStatus(pod(), 'web')!.restartCount, containerStatus(pod(), 'web')!.ready, conditions(pod())[2]]).to.deep.equal([1, false, 'Ready=False/ContainersNotReady'])
    at(22_699)
    expect(containerStatus(pod(), 'web')!.ready).to.equal(false)
    at(22_700)
    expect([containerStatus(pod(), 'web')!.ready, conditions(pod())[2]]).to.deep.equal([true, 'Ready=True'])
  })

  it('restarts a container in CrashLoopBackOff at once when its image changes: the back-off is per definition', () => {
    run({}, {'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '1'})
    at(1_700) // crashed, restarted at once (pull 0: the image is present; start 200 ms)
    at(1_900)
    at(2_900) // crashed again: 10 s back-off
    expect(stateOf(pod(), 'web')).to.equal('waiting:CrashLoopBackOff')
    h.tc.clock.ms = T0 + 4_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    at(4_500)
    const cs = containerStatus(pod(), 'web')!
    expect([stateOf(pod(), 'web'), cs.restartCount, cs.image]).to.deep.equal(['running', 2, 'docker.io/library/nginx:1.28'])
  })

  it('kills a changed sidecar with its own message, and leaves a completed init container alone', () => {
    h.tc.pod('web', {initContainers: [{name: 'setup', image: 'busybox:1.36'}, {name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always'}], containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'}, {annotations: {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}})
    for (const ms of [0, 200, 300]) at(ms)
    expect([stateOf(pod(), 'setup', true), stateOf(pod(), 'proxy', true), stateOf(pod(), 'web')]).to.deep.equal(['terminated:Completed:0', 'running', 'running'])
    const setup = containerStatus(pod(), 'setup', true)
    h.tc.clock.ms = T0 + 5_000
    setImage('busybox:1.37', 'setup', true)
    h.tc.pass(h.k)
    expect(containerStatus(pod(), 'setup', true)).to.deep.equal(setup)
    expect(h.tc.events('web').some((e) => e.includes('setup definition'))).to.equal(false)
    setImage('envoy:1.31', 'proxy', true)
    h.tc.pass(h.k)
    const proxy = containerStatus(pod(), 'proxy', true)!
    expect([proxy.restartCount, proxy.image, proxy.lastState.terminated.exitCode]).to.deep.equal([1, 'docker.io/library/envoy:1.31', 143])
    expect(h.tc.events('web').filter((e) => e.startsWith('Normal Killing'))).to.deep.equal(['Normal Killing Init container proxy definition changed'])
    expect([containerStatus(pod(), 'setup', true), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal([setup, 0])
  })

  it('finishes a pull in progress with the image it began with, then restarts the container for the new one', () => {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'}, {annotations: {'ksim.io/pull-seconds': '10'}})
    at(0)
    at(200)
    h.tc.clock.ms = T0 + 5_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.image]).to.deep.equal(['waiting:ContainerCreating', 'nginx:1.27'])
    at(10_400)
    // the old image's container ran, and is killed at once for the new definition: pulling 1.28 until 20.4 s
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.image, containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['running', 'docker.io/library/nginx:1.27', 0])
    expect(kubeletEvents().slice(-2)).to.deep.equal([KILLING, 'Normal Pulling Pulling image "nginx:1.28"'])
    at(20_600)
    const cs = containerStatus(pod(), 'web')!
    expect([stateOf(pod(), 'web'), cs.image, cs.restartCount, cs.lastState.terminated.finishedAt]).to.deep.equal(['running', 'docker.io/library/nginx:1.28', 1, '2026-07-01T10:00:10Z'])
  })

  it('tries a container that could not start again at once with its new image', () => {
    h.tc.pod('other', {containers: [{name: 'c', image: 'nginx:1.28'}], nodeName: 'ksim-worker'})
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.29', imagePullPolicy: 'Never'}], nodeName: 'ksim-worker'})
    for (const ms of [0, 200, 500, 700]) at(ms)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.image]).to.deep.equal(['waiting:ErrImageNeverPull', 'nginx:1.29'])
    h.tc.clock.ms = T0 + 1_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.image]).to.deep.equal(['waiting:ErrImageNeverPull', 'nginx:1.28'])
    at(1_200)
    const cs = containerStatus(pod(), 'web')!
    expect([stateOf(pod(), 'web'), cs.image, cs.restartCount]).to.deep.equal(['running', 'docker.io/library/nginx:1.28', 0])
  })

  it('starts the kill over with the full grace period after a kubelet restart', () => {
    run({terminationGracePeriodSeconds: 5}, {'ksim.io/ignore-sigterm': 'true'})
    h.tc.clock.ms = T0 + 10_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    h.k = new Kubelet()
    at(12_000)
    at(16_999)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['running', 0])
    at(17_000)
    expect(h.tc.events('web').filter((e) => e.startsWith('Normal Killing'))).to.deep.equal(['Normal Killing Container web definition changed, will be restarted (x2)'])
    at(17_500)
    expect([containerStatus(pod(), 'web')!.restartCount, containerStatus(pod(), 'web')!.lastState.terminated.finishedAt]).to.deep.equal([1, '2026-07-01T10:00:17Z'])
  })

  it('lets a deletion take over a kill in progress, keeping its SIGKILL time: no restart', () => {
    run({terminationGracePeriodSeconds: 5}, {'ksim.io/ignore-sigterm': 'true'})
    h.tc.clock.ms = T0 + 10_000
    setImage('nginx:1.28')
    h.tc.pass(h.k)
    h.tc.clock.ms = T0 + 11_000
    h.tc.api.delete(podType, 'default', 'web', {})
    h.tc.pass(h.k)
    at(15_000)
    expect(pod()).to.equal(undefined)
    expect(h.tc.events('web').filter((e) => !e.startsWith('Normal Scheduled')).slice(-2)).to.deep.equal(['Normal Killing Container web definition changed, will be restarted', 'Normal Killing Stopping container web'])
    expect(h.tc.events('web').some((e) => e.includes('Pulling image "nginx:1.28"'))).to.equal(false)
  })
})
