import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {podType} from '../../../src/api/kinds/pod.js'
import {replicaSetType} from '../../../src/api/kinds/replicaset.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {ReplicaSetController} from '../../../src/controllers/deployment/replicaset.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

function rs(name: string, replicas: number, labels: Record<string, string> = {app: name}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name, namespace: 'default'},
    spec: {replicas, selector: {matchLabels: labels}, template: {metadata: {labels, annotations: FAST}, spec: {containers: [{name: 'web', image: 'nginx:1.27'}]}}},
  }
}

const podsOf = (tc: TestCluster): KObject[] => tc.api.list(podType, 'default').items
const statusOf = (tc: TestCluster, name: string) => tc.api.get(replicaSetType, 'default', name).status

describe('replicaset controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('creates the missing pods named after the set, owned by it, with a SuccessfulCreate event each', () => {
    const set = tc.api.create(rs('web', 3)).object
    const c = new ReplicaSetController()
    tc.pass(c)
    const pods = podsOf(tc)
    expect(pods).to.have.length(3)
    for (const p of pods) {
      expect(p.metadata.name).to.match(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.generateName).to.equal('web-')
      expect(p.metadata.labels).to.deep.equal({app: 'web'})
      expect(p.metadata.ownerReferences).to.deep.equal([{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true}])
    }
    expect(tc.events('web')).to.have.members(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`))
  })

  it('reports ready and available replicas once the kubelets run the pods, and a further pass writes nothing', () => {
    tc.api.create(rs('web', 2))
    const c = new ReplicaSetController()
    const s = new Scheduler()
    const k = new Kubelet()
    tc.settle(c, s, k)
    tc.clock.advance(1000)
    tc.settle(c, s, k)
    expect(statusOf(tc, 'web')).to.deep.equal({availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2})
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('replaces a terminating pod at once with a new pod of a new name and uid', () => {
    tc.api.create(rs('web', 1))
    const c = new ReplicaSetController()
    tc.pass(c)
    const [old] = podsOf(tc)
    tc.api.modify(podType, 'default', old.metadata.name!, (p) => {
      ;(p.spec as {nodeName?: string}).nodeName = 'ksim-worker'
    })
    tc.api.delete(podType, 'default', old.metadata.name!, {})
    tc.pass(c)
    const now = podsOf(tc)
    expect(now).to.have.length(2)
    const fresh = now.find((p) => p.metadata.name !== old.metadata.name)!
    expect(fresh.metadata.uid).to.not.equal(old.metadata.uid)
    tc.pass(c)
    expect((statusOf(tc, 'web') as {replicas?: number}).replicas).to.equal(1)
  })

  it('deletes extras, unscheduled pods first, with a SuccessfulDelete event', () => {
    tc.api.create(rs('web', 2))
    const c = new ReplicaSetController()
    tc.pass(c)
    const [first] = podsOf(tc)
    tc.api.modify(podType, 'default', first.metadata.name!, (p) => {
      ;(p.spec as {nodeName?: string}).nodeName = 'ksim-worker'
    })
    tc.api.modify(replicaSetType, 'default', 'web', (o) => {
      ;(o.spec as {replicas: number}).replicas = 1 as number
    })
    tc.pass(c)
    const left = podsOf(tc)
    expect(left.map((p) => p.metadata.name)).to.deep.equal([first.metadata.name])
    expect(tc.events('web').filter((e) => e.includes('SuccessfulDelete'))).to.have.length(1)
    tc.settle(c)
    expect(podsOf(tc)).to.have.length(1)
  })

  it('adopts a matching orphan pod instead of creating one, and releases a pod whose labels stop matching', () => {
    tc.pod('orphan', {containers: [{name: 'web', image: 'nginx'}]}, {labels: {app: 'web'}})
    const set = tc.api.create(rs('web', 1)).object
    const c = new ReplicaSetController()
    tc.pass(c)
    expect(podsOf(tc).map((p) => p.metadata.name)).to.deep.equal(['orphan'])
    expect(tc.get('orphan')?.metadata.ownerReferences?.[0].uid).to.equal(set.metadata.uid)
    tc.api.modify(podType, 'default', 'orphan', (p) => {
      p.metadata.labels = {app: 'other'}
    })
    tc.pass(c)
    expect(tc.get('orphan')?.metadata.ownerReferences).to.equal(undefined)
    expect(podsOf(tc)).to.have.length(2)
  })
})
