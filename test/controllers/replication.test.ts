import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {podType} from '../../src/api/kinds/pod.js'
import {replicationControllerType} from '../../src/api/kinds/replicationcontroller.js'
import {replicaSetType} from '../../src/api/kinds/replicaset.js'
import {allTypes} from '../../src/api/registry.js'
import {ReplicaSetController} from '../../src/controllers/deployment/replicaset.js'
import {Kubelet} from '../../src/controllers/kubelet/kubelet.js'
import {ReplicationManager} from '../../src/controllers/replication.js'
import {Scheduler} from '../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from './helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

function rc(name: string, replicas: number, labels: Record<string, string> = {app: name}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {name, namespace: 'default'},
    spec: {replicas, template: {metadata: {labels, annotations: FAST}, spec: {containers: [{name: 'web', image: 'nginx:1.27'}]}}},
  }
}

const podsOf = (tc: TestCluster): KObject[] => tc.api.list(podType, 'default').items
const statusOf = (tc: TestCluster, name: string) => tc.api.get(replicationControllerType, 'default', name).status
const setReplicas = (tc: TestCluster, name: string, replicas: number) =>
  tc.api.modify(replicationControllerType, 'default', name, (o) => {
    ;(o.spec as {replicas: number}).replicas = replicas
  })
const sources = (tc: TestCluster): string[] => [
  ...new Set(tc.api.list(allTypes().find((t) => t.kind === 'Event')!, 'default').items.map((e) => (e.source as {component?: string}).component ?? '')),
]

describe('replication manager', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('creates the missing pods named after the controller, owned by it through v1 controller references, with events from replication-controller', () => {
    const owner = tc.api.create(rc('frontend', 3)).object
    tc.pass(new ReplicationManager())
    const pods = podsOf(tc)
    expect(pods).to.have.length(3)
    for (const p of pods) {
      expect(p.metadata.name).to.match(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.labels).to.deep.equal({app: 'frontend'})
      expect(p.metadata.annotations).to.deep.equal(FAST)
      expect(p.metadata.ownerReferences).to.deep.equal([{apiVersion: 'v1', kind: 'ReplicationController', name: 'frontend', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true}])
    }
    expect(tc.events('frontend')).to.have.members(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`))
    expect(sources(tc)).to.deep.equal(['replication-controller'])
  })

  it('reports replicas, fullyLabeled, ready, available and observedGeneration once the pods run, and one more pass writes nothing', () => {
    tc.api.create(rc('frontend', 2))
    const c = new ReplicationManager()
    const s = new Scheduler()
    const k = new Kubelet()
    tc.settle(c, s, k)
    tc.clock.advance(1000)
    tc.settle(c, s, k)
    expect(statusOf(tc, 'frontend')).to.deep.equal({availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2})
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('scales down, deleting unscheduled pods first, with a SuccessfulDelete event, and follows the new generation', () => {
    tc.api.create(rc('frontend', 2))
    const c = new ReplicationManager()
    tc.pass(c)
    const [first] = podsOf(tc)
    tc.api.modify(podType, 'default', first.metadata.name!, (p) => {
      ;(p.spec as {nodeName?: string}).nodeName = 'ksim-worker'
    })
    setReplicas(tc, 'frontend', 1)
    tc.pass(c)
    expect(podsOf(tc).map((p) => p.metadata.name)).to.deep.equal([first.metadata.name])
    expect(tc.events('frontend').filter((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: '))).to.have.length(1)
    tc.settle(c)
    expect(statusOf(tc, 'frontend')).to.deep.equal({fullyLabeledReplicas: 1, observedGeneration: 2, replicas: 1})
  })

  it('adopts a matching orphan instead of creating a pod, and releases it when its labels stop matching', () => {
    tc.pod('orphan', {containers: [{name: 'web', image: 'nginx'}]}, {labels: {app: 'frontend', extra: 'x'}})
    const owner = tc.api.create(rc('frontend', 1)).object
    const c = new ReplicationManager()
    tc.pass(c)
    expect(podsOf(tc).map((p) => p.metadata.name)).to.deep.equal(['orphan'])
    expect(tc.get('orphan')?.metadata.ownerReferences?.[0]).to.deep.include({kind: 'ReplicationController', uid: owner.metadata.uid})
    tc.api.modify(podType, 'default', 'orphan', (p) => {
      p.metadata.labels = {app: 'other'}
    })
    tc.pass(c)
    expect(tc.get('orphan')?.metadata.ownerReferences).to.equal(undefined)
    expect(podsOf(tc)).to.have.length(2)
  })

  it('follows a selector change: pods the new selector leaves are released and new ones made', () => {
    tc.api.create(rc('frontend', 1, {app: 'frontend', track: 'stable'}))
    const c = new ReplicationManager()
    tc.pass(c)
    const [old] = podsOf(tc)
    tc.api.modify(replicationControllerType, 'default', 'frontend', (o) => {
      const spec = o.spec as {selector: Record<string, string>; template: {metadata: {labels: Record<string, string>}}}
      spec.selector = {app: 'frontend', track: 'canary'}
      spec.template.metadata.labels = {app: 'frontend', track: 'canary'}
    })
    tc.settle(c)
    expect(tc.get(old.metadata.name!)?.metadata.ownerReferences).to.equal(undefined)
    const owned = podsOf(tc).filter((p) => p.metadata.ownerReferences)
    expect(owned.map((p) => p.metadata.labels)).to.deep.equal([{app: 'frontend', track: 'canary'}])
  })

  it('leaves pods another controller owns: a ReplicaSet and a ReplicationController with the same selector each keep their own', () => {
    tc.api.create(rc('web', 1))
    const rs = rc('web-rs', 1, {app: 'web'})
    tc.api.create({...rs, apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: {...(rs.spec as object), selector: {matchLabels: {app: 'web'}}}})
    const m = new ReplicationManager()
    const r = new ReplicaSetController()
    tc.settle(m, r)
    const kinds = podsOf(tc).map((p) => p.metadata.ownerReferences?.[0]?.kind).sort()
    expect(kinds).to.deep.equal(['ReplicaSet', 'ReplicationController'])
    expect((tc.api.get(replicaSetType, 'default', 'web-rs').status as {replicas: number}).replicas).to.equal(1)
    expect((statusOf(tc, 'web') as {replicas: number}).replicas).to.equal(1)
  })
})
