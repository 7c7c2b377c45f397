import {expect} from 'chai'

import {nodeType} from '../../src/api/kinds/node.js'
import {PodGCController} from '../../src/controllers/pod-gc.js'
import {T0, testCluster, type TestCluster} from './helpers.js'

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
