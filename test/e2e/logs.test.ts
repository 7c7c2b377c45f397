// `ksim logs` through the real CLI and reconciler, on simulated containers (which write nothing): -f
// follows a container until that instance exits, --previous reads the instance before a restart, and
// the kubelet's refusals come back as kubectl prints them.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const pod = (name: string, annotations: Record<string, string>, spec: Record<string, unknown> = {}): string =>
  JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name, annotations}, spec: {containers: [{name: 'app', image: 'busybox:1.36'}], ...spec}})

describe('logs (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('follows a running container until it exits, then ends with nothing written', () => {
    expect(sb.run(['apply', '-f', '-'], {input: pod('job', {'ksim.io/run-seconds': '4'}, {restartPolicy: 'Never'})}).code).to.equal(0)
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/job', '--timeout=60s']).code).to.equal(0)
    const started = Date.now()
    const followed = sb.run(['logs', '-f', 'job'])
    const tookMs = Date.now() - started
    expect(followed).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(sb.run(['get', 'pod', 'job', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.reason}']).stdout).to.equal('Completed')
    // it waited for the exit (the container ran 4 s from its start, which came before the pod was Ready)
    expect(tookMs).to.be.greaterThan(1000)
    // a terminated container's log is read at once, -f or not
    expect(sb.run(['logs', '-f', 'job'])).to.deep.equal({stdout: '', stderr: '', code: 0})
  })

  it('reads the previous instance once a container restarted, and says so when there is none', () => {
    expect(sb.run(['apply', '-f', '-'], {input: pod('crash', {'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '3'})}).code).to.equal(0)
    expect(sb.run(['logs', 'crash', '-p'])).to.deep.equal({stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "app" in pod "crash" not found\n', code: 1})
    expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=1', 'pod/crash', '--timeout=60s']).code).to.equal(0)
    expect(sb.run(['logs', 'crash', '--previous'])).to.deep.equal({stdout: '', stderr: '', code: 0})
  })

  it('waits for a new Deployment\'s first pod, and times out with kubectl\'s words when none comes', () => {
    expect(sb.run(['create', 'deployment', 'w', '--image=nginx:1.27']).code).to.equal(0)
    const first = sb.run(['logs', 'deploy/w', '--pod-running-timeout=60s'])
    // the pod may still be starting when it is found, as with kubectl
    expect(first.stderr).to.match(/^(|Error from server \(BadRequest\): container "nginx" in pod "w-[a-z0-9]+-[a-z0-9]+" is waiting to start: ContainerCreating\n)$/)
    expect(sb.run(['create', 'deployment', 'none', '--image=nginx:1.27', '--replicas=0']).code).to.equal(0)
    expect(sb.run(['logs', 'deploy/none', '--pod-running-timeout=1s'])).to.deep.equal({stdout: '', stderr: 'error: timed out waiting for the condition\n', code: 1})
  })

  it('refuses a container whose image cannot be pulled with the kubelet\'s words', () => {
    expect(sb.run(['run', 'bad', '--image=registry.invalid/team/app:v1']).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=ImagePullBackOff', 'pod/bad', '--timeout=60s']).code).to.equal(0)
    expect(sb.run(['logs', 'bad'])).to.deep.equal({stdout: '', stderr: 'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image\n', code: 1})
  })
})
