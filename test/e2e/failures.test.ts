// Pods failing the way real pods fail, as a user sees them through the real CLI and reconciler: an
// image whose registry does not resolve (ErrImagePull, then ImagePullBackOff) and a container that
// outgrows its memory limit (OOMKilled, exit 137, restarted).
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const pod = (name: string, container: Record<string, unknown>, annotations: Record<string, string> = {}): string =>
  JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name, annotations}, spec: {containers: [{name: 'app', ...container}]}})

describe('image pull failures and OOM kills (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('shows ImagePullBackOff in get and describe, with the kubelet events', () => {
    expect(sb.run(['apply', '-f', '-'], {input: pod('web', {image: 'registry.invalid/team/app:v1'})}).stdout).to.equal('pod/web created\n')
    const waited = sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=ImagePullBackOff', 'pod/web', '--timeout=60s'])
    expect(waited).to.deep.include({stdout: 'pod/web condition met\n', code: 0})
    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web +0\/1 +ImagePullBackOff +0 +\d+s\n$/)
    const message = sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.message}']).stdout
    expect(message).to.equal(
      'Back-off pulling image "registry.invalid/team/app:v1": ErrImagePull: rpc error: code = Unknown desc = failed to pull and unpack image "registry.invalid/team/app:v1": ' +
        'failed to resolve reference "registry.invalid/team/app:v1": failed to do request: Head "https://registry.invalid/v2/team/app/manifests/v1": dial tcp: lookup registry.invalid: no such host',
    )
    const described = sb.run(['describe', 'pod', 'web']).stdout
    expect(described).to.match(/^ {4}State: {10}Waiting\n {6}Reason: {7}ImagePullBackOff\n {4}Ready: {10}False\n/m)
    const events = described.slice(described.indexOf('Events:'))
    expect(events).to.match(/^ {2}Warning {2}Failed +\S+ +kubelet +spec\.containers\{app\}: Failed to pull image "registry\.invalid\/team\/app:v1": rpc error: .* no such host$/m)
    expect(events).to.match(/^ {2}Warning {2}Failed +\S+ +kubelet +spec\.containers\{app\}: Error: ErrImagePull$/m)
    expect(events).to.match(/^ {2}Normal {3}BackOff +\S+ +kubelet +spec\.containers\{app\}: Back-off pulling image "registry\.invalid\/team\/app:v1"$/m)
    expect(events).to.match(/^ {2}Warning {2}Failed +\S+ +kubelet +spec\.containers\{app\}: Error: ImagePullBackOff$/m)
  })

  it('shows an OOM-killed container as Last State Terminated, Reason OOMKilled, Exit Code 137', () => {
    const manifest = pod('hog', {image: 'nginx:1.27', resources: {limits: {memory: '128Mi'}}}, {'ksim.io/memory-usage': '200Mi'})
    expect(sb.run(['apply', '-f', '-'], {input: manifest}).stdout).to.equal('pod/hog created\n')
    const waited = sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=1', 'pod/hog', '--timeout=60s'])
    expect(waited).to.deep.include({code: 0})
    const described = sb.run(['describe', 'pod', 'hog']).stdout
    expect(described).to.match(/^ {4}Last State: {5}Terminated\n {6}Reason: {7}OOMKilled\n {6}Exit Code: {4}137\n {6}Started: {6}.+\n {6}Finished: {5}.+\n/m)
    expect(described).to.match(/^ {4}Limits:\n {6}memory: {2}128Mi\n/m)
  })

  it('rejects a malformed memory-usage at create, naming the annotation', () => {
    const r = sb.run(['apply', '-f', '-'], {input: pod('bad', {image: 'nginx:1.27'}, {'ksim.io/memory-usage': 'lots'})})
    expect(r.code).to.equal(1)
    expect(r.stderr).to.contain('metadata.annotations[ksim.io/memory-usage]: Invalid value: "lots": must be a non-negative memory quantity (e.g. "512Mi" or "1G")')
    expect(sb.run(['get', 'pod', 'bad']).code).to.equal(1)
  })
  it('stops the sidecar of a restartPolicy Never pod once its container completes: Completed, then Succeeded', () => {
    const manifest = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'task', annotations: {'ksim.io/run-seconds.app': '1'}},
      spec: {restartPolicy: 'Never', initContainers: [{name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always'}], containers: [{name: 'app', image: 'busybox:1.36'}]},
    })
    expect(sb.run(['apply', '-f', '-'], {input: manifest}).stdout).to.equal('pod/task created\n')
    expect(sb.run(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/task', '--timeout=60s'])).to.deep.include({stdout: 'pod/task condition met\n', code: 0})
    expect(sb.run(['get', 'pod', 'task', '--no-headers']).stdout).to.match(/^task +0\/2 +Completed +0 +\d+s\n$/)
    const described = sb.run(['describe', 'pod', 'task']).stdout
    expect(described).to.match(/^ {2}Normal {2}Killing +\S+ +kubelet +spec\.initContainers\{proxy\}: Stopping container proxy$/m)
    expect(sb.run(['get', 'pod', 'task', '-o', 'jsonpath={.status.initContainerStatuses[0].state.terminated.exitCode}']).stdout).to.equal('143')
  })
  it('garbage-collects finished pods over the cluster\'s --terminated-pod-gc-threshold, oldest first', () => {
    expect(sb.run(['cluster', 'create', 'gc', '--nodes', '1', '--terminated-pod-gc-threshold', '1']).code).to.equal(0)
    for (const name of ['a', 'b', 'c']) {
      const manifest = JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name, annotations: {'ksim.io/run-seconds': '0'}}, spec: {restartPolicy: 'Never', containers: [{name: 'app', image: 'busybox:1.36'}]}})
      expect(sb.run(['apply', '-f', '-'], {input: manifest}).stdout).to.equal(`pod/${name} created\n`)
    }
    expect(sb.run(['wait', '--for=delete', 'pod/a', 'pod/b', '--timeout=60s'])).to.deep.include({code: 0})
    expect(sb.run(['get', 'pods', '-o', 'name']).stdout).to.equal('pod/c\n')
  })
  it('restarts a container whose liveness probe fails, with the kubelet\'s Unhealthy and Killing events', () => {
    const probe = {httpGet: {path: '/healthz', port: 80}, periodSeconds: 1, failureThreshold: 2}
    expect(sb.run(['apply', '-f', '-'], {input: pod('live', {image: 'nginx:1.27', livenessProbe: probe}, {'ksim.io/liveness-fail-seconds': '2'})}).stdout).to.equal('pod/live created\n')
    expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=1', 'pod/live', '--timeout=60s'])).to.deep.include({code: 0})
    const events = sb.run(['describe', 'pod', 'live']).stdout.split('Events:')[1]
    expect(events).to.match(/^ {2}Warning {2}Unhealthy +.+ +kubelet +spec\.containers\{app\}: Liveness probe failed: HTTP probe failed with statuscode: 500$/m)
    expect(events).to.match(/^ {2}Normal {3}Killing +\S+ +kubelet +spec\.containers\{app\}: Container app failed liveness probe, will be restarted$/m)
  })

  it('takes a pod whose readiness probe fails out of its Service\'s endpoints', () => {
    const probe = {httpGet: {path: '/ready', port: 80}, periodSeconds: 1, failureThreshold: 1}
    const manifest = JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', labels: {app: 'web'}, annotations: {'ksim.io/readiness-fail-seconds': '3'}}, spec: {containers: [{name: 'app', image: 'nginx:1.27', readinessProbe: probe}]}})
    expect(sb.run(['apply', '-f', '-'], {input: manifest}).stdout).to.equal('pod/web created\n')
    expect(sb.run(['expose', 'pod', 'web', '--port=80']).stdout).to.equal('service/web exposed\n')
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s'])).to.deep.include({code: 0})
    expect(sb.run(['wait', '--for=condition=Ready=false', 'pod/web', '--timeout=60s'])).to.deep.include({code: 0})
    const ip = sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.status.podIP}']).stdout
    expect(sb.run(['wait', '--for=jsonpath={.subsets[0].notReadyAddresses[0].ip}=' + ip, 'endpoints/web', '--timeout=60s'])).to.deep.include({code: 0})
    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web +0\/1 +Running +0 +\d+s\n$/)
  })
})
