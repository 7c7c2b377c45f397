import {expect} from 'chai'

import {nodeType} from '../../src/api/kinds/node.js'
import {podType} from '../../src/api/kinds/pod.js'
import {PodGCController} from '../../src/controllers/pod-gc.js'
import {TerminatedPodGCController} from '../../src/controllers/terminated-pod-gc.js'
import {T0, phaseOf, testCluster, type TestCluster} from './helpers.js'

describe('pod garbage collection of pods on deleted nodes', () => {
  let tc: TestCluster
  beforeEach(() => {
    tc = testCluster()
  })
  afterEach(() => tc.close())

  it('force-deletes a pod whose node is gone after the 40 s quarantine', () => {
    const gc = new PodGCController()
    tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'})
    expect(tc.pass(gc).writes).to.equal(0)
    tc.api.delete(nodeType, '', 'ksim-worker')
    const r = tc.pass(gc)
    expect([r.writes, r.requeueAfterMs]).to.deep.equal([0, 40_000])
    tc.clock.ms = T0 + 39_999
    tc.pass(gc)
    expect(tc.get('web')).to.not.equal(undefined)
    const seen: unknown[] = []
    const update = tc.api.update.bind(tc.api)
    tc.api.update = (o) => {
      seen.push(structuredClone(o.status))
      return update(o)
    }
    tc.clock.ms = T0 + 40_000
    tc.pass(gc)
    expect(tc.get('web')).to.equal(undefined)
    const status = seen[0] as {phase: string; conditions: {type: string; reason: string; message: string}[]}
    expect(status.phase).to.equal('Failed')
    expect(status.conditions.at(-1)).to.deep.include({type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists'})
  })

  it('leaves pods alone when their node comes back within the quarantine', () => {
    const gc = new PodGCController()
    tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-nowhere'})
    tc.pass(gc)
    tc.clock.ms = T0 + 20_000
    tc.api.create({apiVersion: 'v1', kind: 'Node', metadata: {name: 'ksim-nowhere'}})
    tc.pass(gc)
    tc.clock.ms = T0 + 60_000
    expect(tc.pass(gc).writes).to.equal(0)
    expect(tc.get('web')).to.not.equal(undefined)
  })
})

describe('pod garbage collection of terminated pods and of pods on out-of-service nodes', () => {
  let tc: TestCluster
  afterEach(() => tc.close())
  const finish = (name: string, phase: string, reason?: string): void => {
    const pod = structuredClone(tc.get(name)!)
    pod.status = {...(pod.status ?? {}), phase, ...(reason ? {reason} : {})}
    tc.api.updateStatus(pod)
  }
  const spec = {containers: [{name: 'c', image: 'busybox:1.36'}], nodeName: 'ksim-worker'}

  it('deletes the terminated pods over --terminated-pod-gc-threshold: evicted ones first, then the oldest', () => {
    tc = testCluster({terminatedPodGCThreshold: 2})
    const gc = new TerminatedPodGCController()
    for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      tc.clock.ms = T0 + i * 1000
      tc.pod(name, spec)
    }
    finish('a', 'Succeeded')
    finish('b', 'Failed')
    expect(tc.pass(gc).writes).to.equal(0)
    finish('c', 'Succeeded')
    finish('e', 'Failed', 'Evicted')
    // four finished, two kept: the evicted one goes first, then the oldest (a); d still runs
    tc.pass(gc)
    expect(['a', 'b', 'c', 'd', 'e'].filter((n) => tc.get(n))).to.deep.equal(['b', 'c', 'd'])
    expect(tc.pass(gc).writes).to.equal(0)
  })

  it('keeps every terminated pod when the threshold is 0, and 12500 by default', () => {
    tc = testCluster({terminatedPodGCThreshold: 0})
    expect(tc.ctx.profile.terminatedPodGCThreshold).to.equal(0)
    tc.pod('a', spec)
    finish('a', 'Succeeded')
    expect(tc.pass(new TerminatedPodGCController()).writes).to.equal(0)
    tc.close()
    tc = testCluster()
    expect(tc.ctx.profile.terminatedPodGCThreshold).to.equal(12500)
  })

  it('force-deletes terminating pods on a NotReady node tainted node.kubernetes.io/out-of-service, marking them Failed', () => {
    tc = testCluster()
    const gc = new PodGCController()
    tc.pod('web', spec)
    tc.pod('done', spec)
    finish('done', 'Succeeded')
    tc.api.delete(podType, 'default', 'web')
    tc.api.delete(podType, 'default', 'done')
    // the node is Ready: its kubelet will finish them
    const node = structuredClone(tc.api.peek('Node', '', 'ksim-worker')!)
    node.spec = {...(node.spec ?? {}), taints: [{key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute'}]}
    tc.api.update(node)
    expect(tc.pass(gc).writes).to.equal(0)
    // shut down: not Ready any more
    const down = structuredClone(tc.api.peek('Node', '', 'ksim-worker')!)
    const status = down.status as {conditions: {type: string; status: string}[]}
    status.conditions = status.conditions.map((c) => (c.type === 'Ready' ? {...c, status: 'Unknown'} : c))
    tc.api.updateStatus(down)
    const seen: string[] = []
    const update = tc.api.update.bind(tc.api)
    tc.api.update = (o) => {
      seen.push(`${o.metadata.name}:${phaseOf(o)}`)
      return update(o)
    }
    tc.pass(gc)
    expect([tc.get('web'), tc.get('done')]).to.deep.equal([undefined, undefined])
    // only the running pod needed its phase set; the finished one was deleted as it was
    expect(seen).to.deep.equal(['web:Failed'])
  })
})
