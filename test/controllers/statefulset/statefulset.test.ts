import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import type {Controller} from '../../../src/controllers/types.js'

import {podType} from '../../../src/api/kinds/pod.js'
import {nodeType} from '../../../src/api/kinds/node.js'
import {statefulSetType} from '../../../src/api/kinds/statefulset.js'
import {controllerRevisionType} from '../../../src/api/kinds/controllerrevision.js'
import {KUBELET_STOPPED_ANNOTATION} from '../../../src/controllers/kubelet/heartbeat.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {NodeLifecycleController} from '../../../src/controllers/node-lifecycle.js'
import {TaintEvictionController} from '../../../src/controllers/taint-eviction.js'
import {PodGCController} from '../../../src/controllers/pod-gc.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {StatefulSetController} from '../../../src/controllers/statefulset/statefulset.js'
import {conditions, testCluster, type TestCluster} from '../helpers.js'

import {sts} from './fixtures.js'

const podNames = (tc: TestCluster): string[] => tc.api.list(podType, 'default').items.map((p) => p.metadata.name!).sort()
const statusOf = (tc: TestCluster, name = 'web') => tc.api.get(statefulSetType, 'default', name).status as Record<string, unknown>
const revisions = (tc: TestCluster): KObject[] => tc.api.list(controllerRevisionType, 'default').items

describe('statefulset controller', () => {
  let tc: TestCluster
  let controllers: Controller[]
  let set: StatefulSetController
  beforeEach(() => {
    tc = testCluster()
    set = new StatefulSetController()
    controllers = [set, new Scheduler(), new Kubelet()]
  })
  afterEach(() => tc.close())

  // moves the clock in 100 ms steps, settling every controller at each
  const run = (ms: number, cs = controllers): void => {
    for (let t = 0; t < ms; t += 100) {
      tc.clock.advance(100)
      tc.settle(...cs)
    }
  }

  it('creates web-0 alone, then web-1 once web-0 is Running and Ready, each named, labelled and owned as the controller does', () => {
    const created = tc.api.create(sts('web', 2)).object
    tc.pass(set)
    expect(podNames(tc)).to.deep.equal(['web-0'])
    tc.pass(set)
    expect(podNames(tc)).to.deep.equal(['web-0'])
    run(1000)
    expect(podNames(tc)).to.deep.equal(['web-0', 'web-1'])
    const [rev] = revisions(tc)
    const hash = rev.metadata.labels!['controller.kubernetes.io/hash']
    expect(rev.metadata.name).to.equal(`web-${hash}`)
    expect(rev.revision).to.equal(1)
    expect(rev.metadata.ownerReferences).to.deep.equal([{apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true}])
    expect(Object.keys((rev.data as {spec: {template: object}}).spec.template)).to.include('$patch')
    const pod = tc.get('web-1')!
    expect(pod.metadata.labels).to.deep.equal({
      app: 'web',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': rev.metadata.name,
      'statefulset.kubernetes.io/pod-name': 'web-1',
    })
    expect([(pod.spec as {hostname: string}).hostname, (pod.spec as {subdomain: string}).subdomain]).to.deep.equal(['web-1', 'web'])
    expect(pod.metadata.ownerReferences![0].name).to.equal('web')
    expect(tc.events('web')).to.deep.equal(['Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful', 'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful'])
  })

  it('reports the full status once every pod is ready, and a further pass writes nothing', () => {
    tc.api.create(sts('web', 3))
    run(3000)
    const rev = revisions(tc)[0].metadata.name
    expect(statusOf(tc)).to.deep.equal({
      availableReplicas: 3,
      collisionCount: 0,
      currentReplicas: 3,
      currentRevision: rev,
      observedGeneration: 1,
      readyReplicas: 3,
      replicas: 3,
      updateRevision: rev,
      updatedReplicas: 3,
    })
    expect(tc.pass(set).writes).to.equal(0)
  })

  it('accepts a pod template the API server does not check, and reports each failed create as an event, retrying with back-off', () => {
    const bad = sts('web', 1)
    ;(bad.spec as any).template.spec.containers[0].image = ''
    tc.api.create(bad)
    expect(() => tc.pass(set)).to.throw('Pod "web-0" is invalid: spec.containers[0].image: Required value')
    expect(() => tc.pass(set)).to.throw()
    expect(tc.events('web')).to.deep.equal(['Warning FailedCreate create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].image: Required value (x2)'])
    expect(statusOf(tc)).to.include({replicas: 0, observedGeneration: 1})
  })

  it('creates every pod at once with podManagementPolicy Parallel', () => {
    tc.api.create(sts('web', 3, {podManagementPolicy: 'Parallel'}))
    tc.pass(set)
    expect(podNames(tc)).to.deep.equal(['web-0', 'web-1', 'web-2'])
  })

  it('scales down from the highest ordinal, one pod at a time', () => {
    tc.api.create(sts('web', 3))
    run(3000)
    tc.api.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as {replicas: number}).replicas = 1))
    tc.pass(set)
    expect(tc.get('web-2')!.metadata.deletionTimestamp).to.be.a('string')
    expect(tc.get('web-1')!.metadata.deletionTimestamp).to.equal(undefined)
    run(3000)
    expect(podNames(tc)).to.deep.equal(['web-0'])
    expect(tc.events('web').slice(-2)).to.deep.equal(['Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful', 'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful'])
  })

  it('rolls a template change out from the highest ordinal down, a new revision 2, and makes it current when done', () => {
    tc.api.create(sts('web', 3))
    run(3000)
    const first = revisions(tc)[0].metadata.name!
    tc.api.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as any).template.spec.containers[0].image = 'nginx:1.28'))
    tc.pass(set)
    const second = revisions(tc).find((r) => r.revision === 2)!.metadata.name!
    expect(tc.get('web-2')!.metadata.deletionTimestamp).to.be.a('string')
    expect(tc.get('web-1')!.metadata.deletionTimestamp).to.equal(undefined)
    expect(statusOf(tc)).to.include({currentRevision: first, updateRevision: second})
    run(5000)
    const images = ['web-0', 'web-1', 'web-2'].map((n) => (tc.get(n)!.spec as any).containers[0].image)
    expect(images).to.deep.equal(['nginx:1.28', 'nginx:1.28', 'nginx:1.28'])
    expect(statusOf(tc)).to.include({currentRevision: second, updateRevision: second, currentReplicas: 3, updatedReplicas: 3})
    expect(revisions(tc).map((r) => r.revision).sort()).to.deep.equal([1, 2])
    // rolling back reuses revision 1's object with number 3
    tc.api.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as any).template.spec.containers[0].image = 'nginx:1.27'))
    run(5000)
    expect(revisions(tc).map((r) => `${r.metadata.name}:${r.revision}`).sort()).to.deep.equal([`${first}:3`, `${second}:2`].sort())
    expect(statusOf(tc)).to.include({currentRevision: first, updateRevision: first})
  })

  it('updates only the ordinals at or above the partition', () => {
    tc.api.create(sts('web', 3, {updateStrategy: {type: 'RollingUpdate', rollingUpdate: {partition: 2}}}))
    run(3000)
    tc.api.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as any).template.spec.containers[0].image = 'nginx:1.28'))
    run(3000)
    const images = ['web-0', 'web-1', 'web-2'].map((n) => (tc.get(n)!.spec as any).containers[0].image)
    expect(images).to.deep.equal(['nginx:1.27', 'nginx:1.27', 'nginx:1.28'])
    expect(statusOf(tc)).to.include({currentReplicas: 2, updatedReplicas: 1, readyReplicas: 3})
    expect(statusOf(tc).currentRevision).to.not.equal(statusOf(tc).updateRevision)
  })

  it('with OnDelete leaves pods alone until they are deleted, then recreates them at the update revision', () => {
    tc.api.create(sts('web', 2, {updateStrategy: {type: 'OnDelete'}}))
    run(2000)
    tc.api.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as any).template.spec.containers[0].image = 'nginx:1.28'))
    run(2000)
    expect((tc.get('web-1')!.spec as any).containers[0].image).to.equal('nginx:1.27')
    tc.api.delete(podType, 'default', 'web-1', {gracePeriodSeconds: 0})
    run(2000)
    expect((tc.get('web-1')!.spec as any).containers[0].image).to.equal('nginx:1.28')
    expect(statusOf(tc)).to.include({currentReplicas: 1, updatedReplicas: 1})
  })

  it('keeps a pod of a dead node Terminating and replaces it, with the same name, only once it is force deleted', () => {
    const all = [...controllers, new NodeLifecycleController(), new TaintEvictionController()]
    tc.api.create(sts('web', 2, {podManagementPolicy: 'Parallel'}))
    run(2000, all)
    const onWorker = tc.api.list(podType, 'default').items.filter((p) => (p.spec as {nodeName: string}).nodeName === 'ksim-worker')
    expect(onWorker).to.have.length(1)
    const victim = onWorker[0]
    const name = victim.metadata.name!
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => void (n.metadata.annotations = {...n.metadata.annotations, [KUBELET_STOPPED_ANNOTATION]: 'true'}))
    tc.settle(...all)
    // the node goes Unknown after 50 s, its pods are evicted 300 s later and stay Terminating
    const stopped = tc.clock.ms
    for (const at of [51_000, 120_000, 351_000, 360_000]) {
      tc.clock.ms = stopped + at
      tc.settle(...all)
    }
    run(1000, all)
    const stuck = tc.get(name)!
    expect([stuck.metadata.uid, typeof stuck.metadata.deletionTimestamp]).to.deep.equal([victim.metadata.uid, 'string'])
    expect(conditions(stuck)).to.include('Ready=False')
    tc.clock.ms = stopped + 1_000_000
    run(1000, all)
    expect(tc.get(name)!.metadata.uid).to.equal(victim.metadata.uid)
    expect(statusOf(tc)).to.include({replicas: 2, readyReplicas: 1})
    tc.api.delete(podType, 'default', name, {gracePeriodSeconds: 0})
    run(2000, all)
    const replacement = tc.get(name)!
    expect(replacement.metadata.uid).to.not.equal(victim.metadata.uid)
    expect((replacement.spec as {nodeName: string}).nodeName).to.not.equal('ksim-worker')
    expect(conditions(replacement)).to.include('Ready=True')
  })

  it('replaces the pods of a deleted node once pod GC has removed them', () => {
    const all = [...controllers, new PodGCController()]
    tc.api.create(sts('web', 2, {podManagementPolicy: 'Parallel'}))
    run(2000, all)
    const victim = tc.api.list(podType, 'default').items.find((p) => (p.spec as {nodeName: string}).nodeName === 'ksim-worker')
    expect(victim, 'a pod on ksim-worker').to.not.equal(undefined)
    tc.api.delete(nodeType, '', 'ksim-worker', {})
    tc.settle(...all)
    expect(tc.get(victim!.metadata.name!)!.metadata.uid).to.equal(victim!.metadata.uid)
    // pod GC's 40 s quarantine, then the set makes the pod again
    tc.clock.advance(40_000)
    tc.settle(...all)
    run(2000, all)
    const again = tc.get(victim!.metadata.name!)!
    expect(again.metadata.uid).to.not.equal(victim!.metadata.uid)
    expect((again.spec as {nodeName: string}).nodeName).to.equal('ksim-worker2')
  })
})
