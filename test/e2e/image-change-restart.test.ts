// A running pod's image changed in place, as a user sees it: the real CLI and a real reconciler. The
// kubelet kills the old container and starts one from the new image in the same pod: RESTARTS 1, the
// old container in Last State, the Killing event saying why, and the pod keeps its name, uid and IP.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const manifest = (image: string): string =>
  JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {terminationGracePeriodSeconds: 5, containers: [{name: 'web', image}]}})

describe('changing a running pod image restarts its container (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('shows the restart in get and describe as kubectl would', () => {
    expect(sb.run(['apply', '-f', '-'], {input: manifest('nginx:1.27')}).stdout).to.equal('pod/web created\n')
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s']).code).to.equal(0)
    const before = sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.uid} {.status.podIP} {.status.containerStatuses[0].containerID}']).stdout.split(' ')

    expect(sb.run(['apply', '-f', '-'], {input: manifest('nginx:1.28')})).to.deep.equal({stdout: 'pod/web configured\n', stderr: '', code: 0})
    const waited = sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=1', 'pod/web', '--timeout=60s'])
    expect(waited).to.deep.include({stdout: 'pod/web condition met\n', code: 0})
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s']).code).to.equal(0)

    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web +1\/1 +Running +1 \(\d+s ago\) +\d+s\n$/)
    const after = sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.uid} {.status.podIP} {.status.containerStatuses[0].lastState.terminated.containerID}']).stdout.split(' ')
    expect(after).to.deep.equal(before) // same pod, same IP; the old container is the one in lastState
    expect(sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.status.containerStatuses[0].image}']).stdout).to.equal('docker.io/library/nginx:1.28')

    const described = sb.run(['describe', 'pod', 'web']).stdout
    const container = described.slice(described.indexOf('Containers:'), described.indexOf('Conditions:'))
    expect(container).to.match(/^ {4}Image: {10}nginx:1\.28\n {4}Image ID: {7}docker\.io\/library\/nginx@sha256:[0-9a-f]{64}\n/m)
    expect(container).to.match(
      /^ {4}State: {10}Running\n {6}Started: {6}.+\n {4}Last State: {5}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}143\n {6}Started: {6}.+\n {6}Finished: {5}.+\n {4}Ready: {10}True\n {4}Restart Count: {2}1\n/m,
    )
    const events = described.slice(described.indexOf('Events:'))
    expect(events).to.match(/^ {2}Normal {2}Killing {4}\S+ +kubelet +spec\.containers\{web\}: Container web definition changed, will be restarted$/m)
    expect(events).to.match(/^ {2}Normal {2}Pulling {4}\S+ +kubelet +spec\.containers\{web\}: Pulling image "nginx:1\.28"$/m)
    expect(events).to.match(/^ {2}Normal {2}Started {4}\S+ \(x2 over \S+\) +kubelet +spec\.containers\{web\}: Started container web$/m)
  })
})
