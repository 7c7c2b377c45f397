import {expect} from 'chai'

import {namespaceType} from '../../src/api/kinds/namespace.js'
import {Kubelet} from '../../src/controllers/kubelet/kubelet.js'
import {NamespaceController} from '../../src/controllers/namespace.js'
import {T0, testCluster, type TestCluster} from './helpers.js'

describe('namespace controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('removes a Terminating namespace once its pods have been terminated by their kubelet', () => {
    tc.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    tc.api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg', namespace: 'team'}, data: {a: 'b'}})
    tc.api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'team', annotations: {'ksim.io/ignore-sigterm': 'true', 'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}}, spec: {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', terminationGracePeriodSeconds: 5}})
    const k = new Kubelet()
    const n = new NamespaceController()
    tc.pass(k)
    tc.clock.advance(200)
    tc.pass(k)
    expect((tc.get('web', 'team')?.status as {phase: string}).phase).to.equal('Running')
    tc.clock.ms = T0 + 1000
    tc.api.delete(namespaceType, '', 'team')
    expect(tc.api.peek('Namespace', '', 'team')?.status).to.deep.equal({phase: 'Terminating'})
    expect(tc.pass(n).writes).to.equal(0)
    tc.pass(k)
    expect(tc.get('web', 'team')?.metadata.deletionTimestamp).to.equal('2026-07-01T10:00:06Z')
    tc.clock.ms = T0 + 6000
    tc.pass(k)
    expect(tc.get('web', 'team')).to.equal(undefined)
    tc.pass(n)
    expect(tc.api.peek('Namespace', '', 'team')).to.equal(undefined)
    expect(tc.pass(n).writes).to.equal(0)
  })

  it('watches the namespace and the namespaced kinds that can linger, not Events or Leases', () => {
    const watches = new NamespaceController().watches.map((w) => (typeof w === 'string' ? w : w.kind))
    expect(watches).to.include.members(['Namespace', 'Pod', 'ConfigMap', 'Secret'])
    expect(watches).to.not.include('Event')
    expect(watches).to.not.include('Lease')
  })
})
