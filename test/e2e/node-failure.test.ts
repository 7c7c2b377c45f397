// A node failure as a user sees it: the real CLI and a real background reconciler, in a cluster with a
// 3 s node monitor grace period.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const POD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'web'},
  spec: {
    terminationGracePeriodSeconds: 1,
    nodeSelector: {'kubernetes.io/hostname': 'nf-worker'},
    tolerations: [{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 2}],
    containers: [{name: 'app', image: 'busybox:1.36'}],
  },
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('node failure end to end (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-nodefail-')
  })
  afterEach(() => sb.cleanup())

  async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await sleep(250)
    }
  }
  const jsonpath = (kind: string, name: string, path: string) => sb.run(['get', kind, name, '-o', `jsonpath=${path}`]).stdout

  it('marks a stopped node NotReady, evicts its pod when the toleration runs out, and finishes it when the node returns', async () => {
    expect(sb.run(['cluster', 'create', 'nf', '--node-monitor-grace-period', '3s']).code).to.equal(0)
    expect(sb.run(['create', '-f', '-'], {input: POD}).code).to.equal(0)
    await until('the pod to run', () => jsonpath('pod', 'web', '{.status.phase}') === 'Running')
    const uid = jsonpath('pod', 'web', '{.metadata.uid}')

    expect(sb.run(['node', 'stop', 'nf-worker']).stdout).to.equal('node/nf-worker stopped\n')
    await until('the node to be NotReady', () => /^nf-worker\s+NotReady\s/.test(sb.run(['get', 'node', 'nf-worker', '--no-headers']).stdout))
    expect(jsonpath('node', 'nf-worker', '{.spec.taints[*].key}')).to.equal('node.kubernetes.io/unreachable node.kubernetes.io/unreachable')
    await until('the pod to be Terminating', () => jsonpath('pod', 'web', '{.metadata.deletionTimestamp}') !== '')
    expect(jsonpath('pod', 'web', '{.metadata.uid}')).to.equal(uid)
    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web\s+1\/1\s+Terminating\s/)
    // the node is down: the pod stays
    await sleep(2000)
    expect(jsonpath('pod', 'web', '{.metadata.uid}')).to.equal(uid)
    const events = sb.run(['get', 'events', '--field-selector', 'involvedObject.name=web', '-o', 'jsonpath={range .items[*]}{.reason}{"\\n"}{end}']).stdout
    expect(events).to.include('NodeNotReady\n').and.include('TaintManagerEviction\n')

    expect(sb.run(['node', 'start', 'nf-worker']).stdout).to.equal('node/nf-worker started\n')
    await until('the pod to be gone', () => sb.run(['get', 'pod', 'web']).code === 1)
    await until('the node to be Ready', () => /^nf-worker\s+Ready\s/.test(sb.run(['get', 'node', 'nf-worker', '--no-headers']).stdout))
    expect(jsonpath('node', 'nf-worker', '{.spec.taints}')).to.equal('')
  })
  it('force-deletes the pods stuck Terminating on a shut-down node once it is tainted out-of-service', async () => {
    expect(sb.run(['cluster', 'create', 'nf', '--node-monitor-grace-period', '3s']).code).to.equal(0)
    expect(sb.run(['create', '-f', '-'], {input: POD}).code).to.equal(0)
    await until('the pod to run', () => jsonpath('pod', 'web', '{.status.phase}') === 'Running')
    expect(sb.run(['node', 'stop', 'nf-worker']).code).to.equal(0)
    await until('the pod to be Terminating', () => jsonpath('pod', 'web', '{.metadata.deletionTimestamp}') !== '')
    // nobody finishes it while the node is down; the out-of-service taint says the node is shut down for good
    await sleep(2000)
    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web\s+1\/1\s+Terminating\s/)
    expect(sb.run(['taint', 'node', 'nf-worker', 'node.kubernetes.io/out-of-service=nodeshutdown:NoExecute']).stdout).to.equal('node/nf-worker tainted\n')
    expect(sb.run(['wait', '--for=delete', 'pod/web', '--timeout=60s']).code).to.equal(0)
    expect(sb.run(['get', 'pod', 'web']).stderr).to.equal('Error from server (NotFound): pods "web" not found\n')
  })
})
