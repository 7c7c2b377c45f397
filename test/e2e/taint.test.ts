// Taints as a user meets them: the real CLI and a real background reconciler. A NoSchedule taint keeps
// new pods off a node; a NoExecute taint evicts the pods there that do not tolerate it, a Deployment
// replaces its pods on another node, a bare pod is gone for good, and a pod that tolerates it stays.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const pod = (name: string, tolerations: object[] = []) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name},
    spec: {terminationGracePeriodSeconds: 1, nodeSelector: {'kubernetes.io/hostname': 'ksim-worker'}, tolerations, containers: [{name: 'app', image: 'busybox:1.36'}]},
  })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('taint end to end (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-taint-e2e-')
  })
  afterEach(() => sb.cleanup())

  async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await sleep(250)
    }
  }
  // name=node of each pod, sorted by name
  const placement = (selector: string) =>
    sb
      .run(['get', 'pods', '-l', selector, '-o', 'jsonpath={range .items[*]}{.metadata.name}={.spec.nodeName}={.status.phase}{"\\n"}{end}'])
      .stdout.split('\n')
      .filter(Boolean)

  it('keeps new pods off a NoSchedule node and evicts untolerating pods from a NoExecute one', async () => {
    expect(sb.run(['taint', 'nodes', 'ksim-worker2', 'dedicated=batch:NoSchedule'])).to.deep.equal({stdout: 'node/ksim-worker2 tainted\n', stderr: '', code: 0})
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3']).code).to.equal(0)
    expect(sb.run(['create', '-f', '-'], {input: pod('bare')}).code).to.equal(0)
    expect(sb.run(['create', '-f', '-'], {input: pod('tolerant', [{key: 'maintenance', operator: 'Equal', value: 'now', effect: 'NoExecute'}])}).code).to.equal(0)
    expect(sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s']).stdout).to.match(/successfully rolled out\n$/)
    // the control plane and ksim-worker2 are tainted NoSchedule: every replica is on ksim-worker
    const before = placement('app=web')
    expect(before).to.have.length(3)
    for (const p of before) expect(p).to.match(/=ksim-worker=Running$/)
    await until('the bare pods to run', () => sb.run(['get', 'pods', 'bare', 'tolerant', '-o', 'jsonpath={.items[*].status.phase}']).stdout === 'Running Running')
    const tolerantUid = sb.run(['get', 'pod', 'tolerant', '-o', 'jsonpath={.metadata.uid}']).stdout

    expect(sb.run(['taint', 'nodes', 'ksim-worker2', 'dedicated:NoSchedule-'])).to.deep.equal({stdout: 'node/ksim-worker2 untainted\n', stderr: '', code: 0})
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'maintenance=now:NoExecute'])).to.deep.equal({stdout: 'node/ksim-worker tainted\n', stderr: '', code: 0})

    await until('the replicas to move to ksim-worker2', () => {
      const now = placement('app=web')
      return now.length === 3 && now.every((p) => p.endsWith('=ksim-worker2=Running'))
    })
    const movedNames = placement('app=web').map((p) => p.split('=')[0])
    for (const p of before) expect(movedNames).to.not.include(p.split('=')[0])
    await until('the bare pod to be gone', () => sb.run(['get', 'pod', 'bare']).code === 1)
    const events = sb.run(['get', 'events', '--field-selector', 'involvedObject.name=bare', '-o', 'jsonpath={range .items[*]}{.reason}{"\\n"}{end}']).stdout
    expect(events).to.include('TaintManagerEviction\n')
    // the pod that tolerates the taint stays where it is
    expect(sb.run(['get', 'pod', 'tolerant', '-o', 'jsonpath={.metadata.uid} {.spec.nodeName} {.status.phase}']).stdout).to.equal(`${tolerantUid} ksim-worker Running`)
    expect(sb.run(['get', 'pod', 'tolerant', '-o', 'jsonpath={.metadata.deletionTimestamp}']).stdout).to.equal('')
  })
})
