import {expect} from 'chai'

import type {Container, Pod} from 'kubernetes-types/core/v1.js'

import {defaultProfile} from '../../src/api/cluster-profile.js'
import {goDuration} from '../../src/machinery/duration.js'
import {imageIDOf, imageNameError, normaliseImage, unresolvableRegistryError} from '../../src/controllers/images.js'
import {SimulatedRuntime} from '../../src/controllers/simulated-runtime.js'

const runtime = new SimulatedRuntime(defaultProfile)
const ref = (annotations: Record<string, string> = {}, container: Partial<Container> = {}, init = false) => ({
  pod: {metadata: {uid: 'u1', annotations}, spec: {containers: []}} as unknown as Pod,
  container: {name: 'web', image: 'nginx', ...container} as Container,
  init,
})

describe('simulated runtime', () => {
  it('runs a container forever unless ksim.io/run-seconds says otherwise', () => {
    const h = runtime.start(ref(), 0, 1000)
    expect(runtime.inspect(ref(), h, 1e12)).to.deep.equal({running: true})
    expect(runtime.nextChangeAt(ref(), h)).to.equal(undefined)
    const r = ref({'ksim.io/run-seconds': '2.5', 'ksim.io/exit-code': '3'})
    expect(runtime.inspect(r, h, 3499)).to.deep.equal({running: true})
    expect(runtime.inspect(r, h, 3500)).to.deep.equal({running: false, exitCode: 3, reason: 'Error', finishedAtMs: 3500})
  })

  it('lets an init container exit 0 at once by default', () => {
    const r = ref({}, {}, true)
    expect(runtime.inspect(r, runtime.start(r, 0, 10), 10)).to.deep.equal({running: false, exitCode: 0, reason: 'Completed', finishedAtMs: 10})
  })

  it('prefers the per-container annotation over the pod-wide one', () => {
    const r = ref({'ksim.io/run-seconds': '1', 'ksim.io/run-seconds.web': '5'})
    expect(runtime.nextChangeAt(r, runtime.start(r, 0, 0))).to.equal(5000)
  })

  it('exits 143 on SIGTERM by default, 0 after ksim.io/termination-seconds, and 137 on SIGKILL when ignoring SIGTERM', () => {
    const h = runtime.start(ref(), 0, 0)
    expect(runtime.inspect(ref(), runtime.signalTerm(ref(), h, 100), 100)).to.deep.include({exitCode: 143, reason: 'Error'})
    const graceful = ref({'ksim.io/termination-seconds': '3'})
    expect(runtime.inspect(graceful, runtime.signalTerm(graceful, h, 100), 3100)).to.deep.include({exitCode: 0, reason: 'Completed', finishedAtMs: 3100})
    const stubborn = ref({'ksim.io/ignore-sigterm': 'true'})
    const termed = runtime.signalTerm(stubborn, h, 100)
    expect(runtime.inspect(stubborn, termed, 1e9)).to.deep.equal({running: true})
    expect(runtime.inspect(stubborn, runtime.kill(stubborn, termed, 500), 500)).to.deep.include({exitCode: 137, reason: 'Error'})
  })

  it('times preStop hooks: exec from the annotation, sleep exactly, httpGet at once', () => {
    expect(runtime.runPreStop(ref({'ksim.io/prestop-exec-seconds': '7'}, {lifecycle: {preStop: {exec: {command: ['x']}}}}))).to.equal(7000)
    expect(runtime.runPreStop(ref({}, {lifecycle: {preStop: {sleep: {seconds: 4}}}}))).to.equal(4000)
    expect(runtime.runPreStop(ref({}, {lifecycle: {preStop: {httpGet: {port: 80}}}}))).to.equal(0)
    expect(runtime.runPreStop(ref())).to.equal(0)
  })

  it('derives the same container ID for the same pod, container and attempt', () => {
    expect(runtime.start(ref(), 2, 0).containerID).to.equal(runtime.start(ref(), 2, 999).containerID)
    expect(runtime.start(ref(), 2, 0).containerID).to.not.equal(runtime.start(ref(), 3, 0).containerID)
  })

  it('OOM-kills a process whose ksim.io/memory-usage exceeds limits.memory 1 s after it starts, even before its own exit', () => {
    const limited = {resources: {limits: {memory: '1Gi'}}}
    const hog = ref({'ksim.io/memory-usage': '1025Mi', 'ksim.io/run-seconds': '5'}, limited)
    const h = runtime.start(hog, 0, 1000)
    expect(runtime.nextChangeAt(hog, h)).to.equal(2000)
    expect(runtime.inspect(hog, h, 2000)).to.deep.equal({running: false, exitCode: 137, reason: 'OOMKilled', finishedAtMs: 2000})
    // SIGTERM before the OOM wins; exactly at the limit, or without one, nothing is killed
    expect(runtime.inspect(hog, runtime.signalTerm(hog, h, 1500), 2000)).to.deep.include({exitCode: 143, reason: 'Error'})
    expect(runtime.nextChangeAt(ref({'ksim.io/memory-usage': '1Gi'}, limited), h)).to.equal(undefined)
    expect(runtime.nextChangeAt(ref({'ksim.io/memory-usage': '64Gi'}), h)).to.equal(undefined)
  })

  it('fails pulls from reserved domains and with ksim.io/pull-error, and no others', () => {
    expect(runtime.pullError(ref(), 'nginx:1.27')).to.equal(undefined)
    expect(runtime.pullError(ref(), 'registry.example.com/app')).to.equal(undefined)
    expect(runtime.pullError(ref({'ksim.io/pull-error': 'denied'}), 'nginx:1.27')).to.equal('denied')
    expect(runtime.pullError(ref({'ksim.io/pull-error.db': 'denied'}), 'nginx:1.27')).to.equal(undefined)
    expect(runtime.pullError(ref(), 'registry.local.test:5000/app@sha256:' + 'a'.repeat(64))).to.equal(
      `rpc error: code = Unknown desc = failed to pull and unpack image "registry.local.test:5000/app@sha256:${'a'.repeat(64)}": failed to resolve reference "registry.local.test:5000/app@sha256:${'a'.repeat(64)}": ` +
        `failed to do request: Head "https://registry.local.test:5000/v2/app/manifests/sha256:${'a'.repeat(64)}": dial tcp: lookup registry.local.test: no such host`,
    )
    expect(unresolvableRegistryError('app.localhost/web')).to.match(/^rpc error: .*lookup app\.localhost: no such host$/)
  })

  it('takes its timings from the profile unless the pod overrides them', () => {
    expect(runtime.timings(ref())).to.deep.equal({pullMs: 300, startMs: 200, readyMs: 200})
    expect(runtime.timings(ref({'ksim.io/pull-seconds': '1.5', 'ksim.io/ready-seconds.web': '3'}))).to.deep.equal({pullMs: 1500, startMs: 200, readyMs: 3000})
  })
})

describe('image references', () => {
  it('normalises names as containerd reports them', () => {
    expect(normaliseImage('nginx')).to.equal('docker.io/library/nginx:latest')
    expect(normaliseImage('nginx:1.27')).to.equal('docker.io/library/nginx:1.27')
    expect(normaliseImage('bitnami/redis')).to.equal('docker.io/bitnami/redis:latest')
    expect(normaliseImage('registry.k8s.io/pause:3.10')).to.equal('registry.k8s.io/pause:3.10')
    expect(normaliseImage('localhost:5000/app')).to.equal('localhost:5000/app:latest')
    expect(imageIDOf('nginx:1.27')).to.match(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(imageIDOf('nginx:1.27')).to.equal(imageIDOf('docker.io/library/nginx:1.27'))
  })

  it('parses references as the kubelet does, with its words for what it refuses', () => {
    for (const ok of ['nginx', 'nginx:1.27', 'library/nginx', 'localhost:5000/a/b:c', 'ghcr.io/x/y@sha256:' + 'f'.repeat(64), 'a.b/c__d-e.f:1_2']) expect(imageNameError(ok), ok).to.equal(undefined)
    expect(imageNameError('nginx:')).to.equal('couldn\'t parse image name "nginx:": invalid reference format')
    expect(imageNameError('Nginx')).to.equal('couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase')
    expect(imageNameError('ghcr.io/Team/app')).to.equal('couldn\'t parse image name "ghcr.io/Team/app": invalid reference format: repository name (Team/app) must be lowercase')
    expect(imageNameError('nginx@sha256:' + 'a'.repeat(63))).to.equal(`couldn't parse image name "nginx@sha256:${'a'.repeat(63)}": invalid checksum digest length`)
    expect(imageNameError('nginx@md5:' + 'a'.repeat(32))).to.equal(`couldn't parse image name "nginx@md5:${'a'.repeat(32)}": unsupported digest algorithm`)
    expect(imageNameError('a'.repeat(64))).to.match(/: invalid repository name \(a{64}\), cannot specify 64-byte hexadecimal strings$/)
  })

  it('prints durations like Go', () => {
    expect([0, 312, 1000, 1500, 61_250, 300_000, 3_723_000].map(goDuration)).to.deep.equal(['0s', '312ms', '1s', '1.5s', '1m1.25s', '5m0s', '1h2m3s'])
  })
})
