import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'
import type {Controller} from '../../src/controllers/types.js'

import {nodeType} from '../../src/api/kinds/node.js'
import {KUBELET_STOPPED_ANNOTATION} from '../../src/controllers/kubelet/heartbeat.js'
import {Kubelet} from '../../src/controllers/kubelet/kubelet.js'
import {NodeLifecycleController} from '../../src/controllers/node-lifecycle.js'
import {TaintEvictionController} from '../../src/controllers/taint-eviction.js'
import {T0, conditions, testCluster, type TestCluster} from './helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

describe('node lifecycle controller and taint-based eviction', () => {
  let tc: TestCluster
  let controllers: Controller[]
  beforeEach(() => {
    tc = testCluster()
    controllers = [new Kubelet(), new NodeLifecycleController(), new TaintEvictionController()]
  })
  afterEach(() => tc.close())

  const node = (name = 'ksim-worker'): KObject => tc.api.peek('Node', '', name)!
  const at = (ms: number): void => {
    tc.clock.ms = T0 + ms
    tc.settle(...controllers)
  }
  const setStopped = (stopped: boolean): void => {
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => {
      const a = {...n.metadata.annotations}
      if (stopped) a[KUBELET_STOPPED_ANNOTATION] = 'true'
      else delete a[KUBELET_STOPPED_ANNOTATION]
      n.metadata.annotations = a
    })
    tc.settle(...controllers)
  }
  const nodeConditions = (): string[] =>
    ((node().status as {conditions: {type: string; status: string; reason: string}[]}).conditions).map((c) => `${c.type}=${c.status}/${c.reason}`)
  const taints = (): string[] => ((node().spec as {taints?: {key: string; effect: string}[]}).taints ?? []).map((t) => `${t.key}:${t.effect}`)
  // a running, ready pod on ksim-worker
  function runningPod(name: string, tolerations?: unknown[]): void {
    tc.pod(name, {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker', ...(tolerations ? {tolerations} : {})}, {annotations: FAST})
    for (let ms = 0; ms <= 1000; ms += 100) at(ms)
    expect(conditions(tc.get(name))).to.include('Ready=True')
  }

  it('marks a silent node Unknown and taints it unreachable only once the grace period has passed', () => {
    runningPod('web')
    setStopped(true)
    at(50_999)
    expect(nodeConditions()).to.include('Ready=True/KubeletReady')
    expect(taints()).to.deep.equal([])
    at(51_000)
    expect(nodeConditions()).to.deep.equal([
      'MemoryPressure=Unknown/NodeStatusUnknown',
      'DiskPressure=Unknown/NodeStatusUnknown',
      'PIDPressure=Unknown/NodeStatusUnknown',
      'Ready=Unknown/NodeStatusUnknown',
    ])
    const ready = (node().status as {conditions: {type: string; message: string; lastTransitionTime: string}[]}).conditions.find((c) => c.type === 'Ready')!
    expect([ready.message, ready.lastTransitionTime]).to.deep.equal(['Kubelet stopped posting node status.', '2026-07-01T10:00:51Z'])
    expect(taints()).to.deep.equal(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'])
    expect((node().spec as {taints: {timeAdded: string}[]}).taints.map((t) => t.timeAdded)).to.deep.equal(['2026-07-01T10:00:51Z', '2026-07-01T10:00:51Z'])
    expect(conditions(tc.get('web'))).to.include('Ready=False')
    expect(tc.events('web')).to.include('Warning NodeNotReady Node is not ready')
    expect(tc.events('ksim-worker')).to.deep.equal(['Normal NodeNotReady Node ksim-worker status is now: NodeNotReady'])
  })

  it('evicts a pod when its toleration runs out and leaves it Terminating while the node is down', () => {
    runningPod('web', [{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30}])
    const uid = tc.get('web')!.metadata.uid
    setStopped(true)
    at(51_000)
    at(80_999)
    expect(tc.get('web')!.metadata.deletionTimestamp).to.equal(undefined)
    at(81_000)
    const pod = tc.get('web')!
    expect([pod.metadata.uid, pod.metadata.deletionTimestamp, pod.metadata.deletionGracePeriodSeconds]).to.deep.equal([uid, '2026-07-01T10:01:51Z', 30])
    expect(conditions(pod)).to.include('DisruptionTarget=True/DeletionByTaintManager')
    expect(tc.events('web')).to.include('Normal TaintManagerEviction Marking for deletion Pod default/web')
    at(600_000)
    expect(tc.get('web')!.metadata.uid).to.equal(uid)

    // the kubelet comes back: Ready again, taints gone, the pod finished
    setStopped(false)
    for (let ms = 600_000; ms <= 602_000; ms += 200) at(ms)
    expect(nodeConditions()).to.include('Ready=True/KubeletReady')
    expect(taints()).to.deep.equal([])
    expect(tc.events('ksim-worker')).to.deep.equal(['Normal NodeNotReady Node ksim-worker status is now: NodeNotReady', 'Normal NodeReady Node ksim-worker status is now: NodeReady'])
    expect(tc.get('web')).to.equal(undefined)
  })

  it('evicts pods that tolerate the default 300 s only after 300 s, and never those that tolerate it forever', () => {
    runningPod('web')
    runningPod('forever', [{operator: 'Exists'}])
    setStopped(true)
    at(51_000)
    at(350_999)
    expect(tc.get('web')!.metadata.deletionTimestamp).to.equal(undefined)
    at(351_000)
    expect(tc.get('web')!.metadata.deletionTimestamp).to.equal('2026-07-01T10:06:21Z')
    at(1_000_000)
    expect(tc.get('forever')!.metadata.deletionTimestamp).to.equal(undefined)
  })

  it('does not count time before the controller started against a node', () => {
    setStopped(true)
    // the lease is old, but this controller has only just started watching
    tc.clock.ms = T0 + 3_600_000
    const nlc = new NodeLifecycleController()
    const r = tc.pass(nlc)
    expect(r.writes).to.equal(0)
    expect([r.requeueAfterMs, r.background]).to.deep.equal([50_000, false])
    tc.clock.advance(50_000)
    tc.pass(nlc)
    expect(nodeConditions()).to.include('Ready=Unknown/NodeStatusUnknown')
  })

  it('never marks a node whose kubelet runs, even with a grace period shorter than the 10 s lease renewal', () => {
    tc.close()
    tc = testCluster({nodeMonitorGracePeriodSeconds: 3})
    for (let ms = 0; ms <= 60_000; ms += 1000) at(ms)
    expect(nodeConditions()).to.include('Ready=True/KubeletReady')
    setStopped(true)
    at(63_000)
    expect(nodeConditions()).to.include('Ready=Unknown/NodeStatusUnknown')
  })

  const EVICTED = 'Normal TaintManagerEviction Marking for deletion Pod default/web'

  it('counts a toleration of a taint without timeAdded (a user\'s `taint`) from when it first saw the pod wait', () => {
    runningPod('web', [{key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30}])
    runningPod('other')
    at(2_000)
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => void (n.spec = {...(n.spec as object), taints: [{key: 'maintenance', value: 'now', effect: 'NoExecute'}]}))
    at(2_000)
    // the pod without a toleration goes at once, the other waits its 30 s
    expect(tc.events('other')).to.include('Normal TaintManagerEviction Marking for deletion Pod default/other')
    at(31_999)
    expect(tc.events('web')).to.not.include(EVICTED)
    expect(tc.get('web')!.metadata.deletionTimestamp).to.equal(undefined)
    at(32_000)
    expect(tc.events('web')).to.include(EVICTED)
  })

  it('starts the wait again when the taint is gone and comes back', () => {
    runningPod('web', [{key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30}])
    const taint = (on: boolean) => tc.api.modify(nodeType, '', 'ksim-worker', (n) => void (n.spec = {...(n.spec as object), taints: on ? [{key: 'maintenance', effect: 'NoExecute'}] : undefined}))
    taint(true)
    at(2_000)
    at(20_000)
    taint(false)
    at(21_000)
    taint(true)
    at(21_000)
    at(50_999)
    expect(tc.events('web')).to.not.include(EVICTED)
    at(51_000)
    expect(tc.events('web')).to.include(EVICTED)
  })

  it('writes nothing on a second pass over an unchanged state', () => {
    runningPod('web')
    setStopped(true)
    at(51_000)
    expect(tc.pass(controllers[1]).writes).to.equal(0)
    expect(tc.pass(controllers[2]).writes).to.equal(0)
  })
})
