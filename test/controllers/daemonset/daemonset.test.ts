import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import type {Controller} from '../../../src/controllers/types.js'

import {podType} from '../../../src/api/kinds/pod.js'
import {nodeType} from '../../../src/api/kinds/node.js'
import {daemonSetType} from '../../../src/api/kinds/daemonset.js'
import {controllerRevisionType} from '../../../src/api/kinds/controllerrevision.js'
import {KUBELET_STOPPED_ANNOTATION} from '../../../src/controllers/kubelet/heartbeat.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {NodeLifecycleController} from '../../../src/controllers/node-lifecycle.js'
import {TaintEvictionController} from '../../../src/controllers/taint-eviction.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {DaemonSetController} from '../../../src/controllers/daemonset/daemonset.js'
import {testCluster, type TestCluster} from '../helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

export function ds(name: string, extra: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {name, namespace: 'default'},
    spec: {
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}, annotations: FAST}, spec: {containers: [{name: 'agent', image: 'busybox:1.36'}], ...podSpec}},
      ...extra,
    },
  }
}

const pods = (tc: TestCluster): KObject[] => tc.api.list(podType, 'default').items
const nodeOf = (p: KObject): string => (p.spec as {nodeName?: string}).nodeName ?? ''
const statusOf = (tc: TestCluster, name = 'agent') => tc.api.get(daemonSetType, 'default', name).status as Record<string, unknown>

describe('daemonset controller', () => {
  let tc: TestCluster
  let controllers: Controller[]
  let dsc: DaemonSetController
  beforeEach(() => {
    tc = testCluster()
    dsc = new DaemonSetController()
    controllers = [dsc, new Scheduler(), new Kubelet()]
  })
  afterEach(() => tc.close())

  const run = (ms: number, cs = controllers): void => {
    for (let t = 0; t < ms; t += 100) {
      tc.clock.advance(100)
      tc.settle(...cs)
    }
  }

  it('creates one pod per untainted node, pinned by node affinity, with the daemon tolerations and revision labels', () => {
    const created = tc.api.create(ds('agent')).object
    tc.pass(dsc)
    const list = pods(tc)
    expect(list).to.have.length(2)
    const [rev] = tc.api.list(controllerRevisionType, 'default').items
    const hash = rev.metadata.labels!['controller-revision-hash']
    expect(rev.metadata.name).to.equal(`agent-${hash}`)
    expect(rev.revision).to.equal(1)
    const targets = list.map((p) => (p.spec as any).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]).sort()
    expect(targets).to.deep.equal(['ksim-worker', 'ksim-worker2'])
    const pod = list[0]
    expect(pod.metadata.labels).to.deep.equal({app: 'agent', 'controller-revision-hash': hash, 'pod-template-generation': '1'})
    expect(pod.metadata.ownerReferences![0]).to.include({kind: 'DaemonSet', name: 'agent', uid: created.metadata.uid})
    expect((pod.spec as any).tolerations).to.deep.equal([
      {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute'},
      {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute'},
      {key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule'},
      {key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule'},
      {key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule'},
      {key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'},
    ])
    expect(tc.events('agent').map((e) => e.replace(/agent-\w+$/, 'agent-x'))).to.deep.equal(['Normal SuccessfulCreate Created pod: agent-x', 'Normal SuccessfulCreate Created pod: agent-x'])
  })

  it('runs on the control plane too when the template tolerates its taint, and on a node selector match only', () => {
    tc.api.create(ds('agent', {}, {tolerations: [{key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule'}]}))
    tc.api.create(ds('picky', {}, {nodeSelector: {'kubernetes.io/hostname': 'ksim-worker2'}}))
    run(1000)
    const byOwner = (n: string) => pods(tc).filter((p) => p.metadata.ownerReferences![0].name === n).map(nodeOf).sort()
    expect(byOwner('agent')).to.deep.equal(['ksim-control-plane', 'ksim-worker', 'ksim-worker2'])
    expect(byOwner('picky')).to.deep.equal(['ksim-worker2'])
  })

  it('reports the status once the pods run, and a further pass writes nothing', () => {
    tc.api.create(ds('agent'))
    run(1000)
    expect(statusOf(tc)).to.deep.equal({
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberAvailable: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
    })
    expect(tc.pass(dsc).writes).to.equal(0)
  })

  it('gives a new node a pod, and takes it away when the node is deleted', () => {
    tc.api.create(ds('agent'))
    run(500)
    const worker = tc.api.peek('Node', '', 'ksim-worker')!
    tc.api.create({...worker, metadata: {name: 'ksim-worker3', labels: {...worker.metadata.labels, 'kubernetes.io/hostname': 'ksim-worker3'}}, } as KObject)
    run(500)
    expect(pods(tc).map(nodeOf).sort()).to.deep.equal(['ksim-worker', 'ksim-worker2', 'ksim-worker3'])
    expect(statusOf(tc)).to.include({desiredNumberScheduled: 3, currentNumberScheduled: 3})
    tc.api.delete(nodeType, '', 'ksim-worker3', {})
    tc.pass(dsc)
    expect(pods(tc).find((p) => nodeOf(p) === 'ksim-worker3')!.metadata.deletionTimestamp).to.be.a('string')
    expect(statusOf(tc)).to.include({desiredNumberScheduled: 2})
  })

  it('keeps its pods on a stopped node (they tolerate unreachable forever) while other pods are evicted', () => {
    const all = [...controllers, new NodeLifecycleController(), new TaintEvictionController()]
    tc.api.create(ds('agent'))
    run(1000, all)
    const before = pods(tc).find((p) => nodeOf(p) === 'ksim-worker')!
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => void (n.metadata.annotations = {...n.metadata.annotations, [KUBELET_STOPPED_ANNOTATION]: 'true'}))
    tc.settle(...all)
    const stopped = tc.clock.ms
    for (const at of [51_000, 120_000, 351_000, 1_000_000]) {
      tc.clock.ms = stopped + at
      tc.settle(...all)
    }
    const after = pods(tc).find((p) => nodeOf(p) === 'ksim-worker')!
    expect([after.metadata.uid, after.metadata.deletionTimestamp]).to.deep.equal([before.metadata.uid, undefined])
    expect(pods(tc)).to.have.length(2)
    expect(statusOf(tc)).to.include({desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1, numberReady: 1})
  })

  it('rolls a template change out one node at a time (maxUnavailable 1), and honours OnDelete', () => {
    tc.api.create(ds('agent'))
    run(1000)
    tc.api.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).template.spec.containers[0].image = 'busybox:1.37'))
    expect(tc.api.get(daemonSetType, 'default', 'agent').metadata.annotations).to.deep.equal({'deprecated.daemonset.template.generation': '2'})
    tc.pass(dsc)
    expect(pods(tc).filter((p) => p.metadata.deletionTimestamp)).to.have.length(1)
    run(3000)
    expect(pods(tc).map((p) => (p.spec as any).containers[0].image)).to.deep.equal(['busybox:1.37', 'busybox:1.37'])
    expect(pods(tc).map((p) => p.metadata.labels!['pod-template-generation'])).to.deep.equal(['2', '2'])
    expect(tc.api.list(controllerRevisionType, 'default').items.map((r) => r.revision).sort()).to.deep.equal([1, 2])
    expect(statusOf(tc)).to.include({updatedNumberScheduled: 2, numberAvailable: 2})

    tc.api.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).updateStrategy = {type: 'OnDelete'}))
    tc.api.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).template.spec.containers[0].image = 'busybox:1.38'))
    run(2000)
    expect(pods(tc).map((p) => (p.spec as any).containers[0].image)).to.deep.equal(['busybox:1.37', 'busybox:1.37'])
    expect(statusOf(tc)).to.not.have.property('updatedNumberScheduled')
  })

  it('with maxSurge starts the new pod beside the old one and deletes the old one once the new one is available', () => {
    tc.api.create(ds('agent', {updateStrategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}}))
    run(1000)
    tc.api.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).template.spec.containers[0].image = 'busybox:1.37'))
    tc.pass(dsc)
    expect(pods(tc)).to.have.length(3)
    expect(pods(tc).filter((p) => p.metadata.deletionTimestamp)).to.have.length(0)
    run(3000)
    expect(pods(tc).map((p) => (p.spec as any).containers[0].image)).to.deep.equal(['busybox:1.37', 'busybox:1.37'])
  })
})
