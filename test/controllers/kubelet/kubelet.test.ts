import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {nodeType} from '../../../src/api/kinds/node.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {T0, conditions, containerStatus, phaseOf, stateOf, testCluster, tokenMountStatus, type TestCluster} from '../helpers.js'

const status = (p: KObject | undefined): Record<string, any> => (p?.status ?? {}) as Record<string, any>

describe('kubelet: starting pods', () => {
  let tc: TestCluster
  let k: Kubelet
  let s: Scheduler
  beforeEach(() => {
    tc = testCluster()
    k = new Kubelet()
    s = new Scheduler()
  })
  afterEach(() => tc.close())

  it('takes a pod from Pending through ContainerCreating to Running and Ready, with the kubelet events', () => {
    tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
    tc.pass(s)

    // admitted: conditions in kubelet order, hostIP and startTime, no pod IP before the sandbox
    let r = tc.pass(k)
    let pod = tc.get('web')
    expect(phaseOf(pod)).to.equal('Pending')
    expect(conditions(pod)).to.deep.equal(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False/ContainersNotReady', 'ContainersReady=False/ContainersNotReady', 'PodScheduled=True'])
    expect(status(pod).conditions[2].message).to.equal('containers with unready status: [web]')
    expect([status(pod).hostIP, status(pod).hostIPs, status(pod).podIP, status(pod).startTime]).to.deep.equal(['172.18.0.3', [{ip: '172.18.0.3'}], undefined, '2026-07-01T10:00:00Z'])
    expect(containerStatus(pod, 'web')).to.deep.equal({name: 'web', state: {waiting: {reason: 'ContainerCreating'}}, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '', started: false, volumeMounts: [tokenMountStatus(pod)]})
    expect(r).to.deep.include({requeueAfterMs: 200, background: false})
    expect(tc.pass(k).writes).to.equal(0)

    // the sandbox is up: pod IP from the node's podCIDR, the image pull begins
    tc.clock.advance(200)
    r = tc.pass(k)
    pod = tc.get('web')
    expect(conditions(pod)[0]).to.equal('PodReadyToStartContainers=True')
    expect([status(pod).podIP, status(pod).podIPs]).to.deep.equal(['10.244.1.2', [{ip: '10.244.1.2'}]])
    expect(stateOf(pod, 'web')).to.equal('waiting:ContainerCreating')
    expect(r.requeueAfterMs).to.equal(300)
    expect(tc.pass(k).writes).to.equal(0)

    tc.clock.advance(300)
    expect(tc.pass(k).requeueAfterMs).to.equal(200)
    expect(stateOf(tc.get('web'), 'web')).to.equal('waiting:ContainerCreating')

    tc.clock.advance(200)
    r = tc.pass(k)
    pod = tc.get('web')
    expect(phaseOf(pod)).to.equal('Running')
    expect(conditions(pod)).to.deep.equal(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'])
    const cs = containerStatus(pod, 'web')!
    expect(cs).to.deep.include({state: {running: {startedAt: '2026-07-01T10:00:00Z'}}, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/nginx:latest', started: true, resources: {}})
    expect(cs.imageID).to.match(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(cs.containerID).to.match(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(Object.keys(cs)).to.deep.equal(['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'resources', 'volumeMounts'])
    expect(r.background).to.equal(true)
    expect(tc.pass(k).writes).to.equal(0)

    const events = tc.events('web')
    expect(events.slice(0, 3)).to.deep.equal(['Normal Scheduled Successfully assigned default/web to ksim-worker', 'Normal Pulling Pulling image "nginx"', events[2]])
    expect(events[2]).to.match(/^Normal Pulled Successfully pulled image "nginx" in 300ms \(300ms including waiting\)\. Image size: \d+ bytes\.$/)
    expect(events.slice(3)).to.deep.equal(['Normal Created Created container: web', 'Normal Started Started container web'])
    const started = tc.api.list(tc.api.typeOf({apiVersion: 'v1', kind: 'Event', metadata: {}}), 'default').items.find((e) => e.reason === 'Started')!
    expect(started.involvedObject).to.deep.include({kind: 'Pod', name: 'web', fieldPath: 'spec.containers{web}'})
    expect(started.source).to.deep.equal({component: 'kubelet', host: 'ksim-worker'})
  })

  it('reports an image already present for IfNotPresent after the node pulled it once', () => {
    tc.pod('a', {containers: [{name: 'app', image: 'nginx:1.27'}]})
    tc.settle(s)
    for (const dt of [0, 200, 300, 200]) {
      tc.clock.advance(dt)
      tc.pass(k)
    }
    tc.pod('b', {containers: [{name: 'app', image: 'nginx:1.27'}], nodeName: 'ksim-worker'})
    tc.pass(k)
    tc.clock.advance(200)
    expect(tc.pass(k).requeueAfterMs).to.equal(200)
    tc.clock.advance(200)
    tc.pass(k)
    expect(tc.events('b')).to.deep.equal(['Normal Pulled Container image "nginx:1.27" already present on machine', 'Normal Created Created container: app', 'Normal Started Started container app'])
    expect(status(tc.get('b')).podIP).to.equal('10.244.1.3')
  })

  it('starts a container only after its pull and start times, however often it is synced in between', () => {
    tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'})
    for (const ms of [0, 200, 500, 501, 699]) {
      tc.clock.ms = T0 + ms
      tc.pass(k)
    }
    // pulled at 500: the image is on the node now, but this try still began with a pull
    expect(stateOf(tc.get('web'), 'web')).to.equal('waiting:ContainerCreating')
    tc.clock.ms = T0 + 700
    tc.pass(k)
    expect(containerStatus(tc.get('web'), 'web')!.state).to.deep.equal({running: {startedAt: '2026-07-01T10:00:00Z'}})
  })

  it('keeps a container with a readiness probe unready until the probe first succeeds', () => {
    tc.pod('web', {containers: [{name: 'web', image: 'nginx', readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 2}}]})
    tc.pass(s)
    for (const dt of [0, 200, 300, 200]) {
      tc.clock.advance(dt)
      tc.pass(k)
    }
    let pod = tc.get('web')
    expect([phaseOf(pod), containerStatus(pod, 'web')?.ready, containerStatus(pod, 'web')?.started]).to.deep.equal(['Running', false, true])
    expect(conditions(pod).slice(2, 4)).to.deep.equal(['Ready=False/ContainersNotReady', 'ContainersReady=False/ContainersNotReady'])
    // the probe runs 200 ms after the start (ready-seconds), then every 10 s; runs before initialDelaySeconds
    // count for nothing: started at 700 ms, it runs at 900 ms and 10.9 s, and counts from 2.7 s on
    tc.clock.advance(10_199)
    tc.pass(k)
    expect(containerStatus(tc.get('web'), 'web')?.ready).to.equal(false)
    tc.clock.advance(1)
    tc.pass(k)
    pod = tc.get('web')
    expect(containerStatus(pod, 'web')?.ready).to.equal(true)
    expect(status(pod).conditions.slice(2, 4).map((c: Record<string, string>) => `${c.type}=${c.status}@${c.lastTransitionTime}`)).to.deep.equal(['Ready=True@2026-07-01T10:00:10Z', 'ContainersReady=True@2026-07-01T10:00:10Z'])
  })

  it('runs init containers one at a time, then the app containers', () => {
    const ann = {annotations: {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0', 'ksim.io/run-seconds.init1': '1', 'ksim.io/run-seconds.init2': '2'}}
    tc.pod('web', {initContainers: [{name: 'init1', image: 'busybox:1.36'}, {name: 'init2', image: 'busybox:1.36'}], containers: [{name: 'web', image: 'nginx:1.27'}]}, ann)
    tc.pass(s)
    tc.pass(k)
    let pod = tc.get('web')
    expect(conditions(pod).slice(0, 2)).to.deep.equal(['PodReadyToStartContainers=False', 'Initialized=False/ContainersNotInitialized'])
    expect(status(pod).conditions[1].message).to.equal('containers with incomplete status: [init1 init2]')
    expect([stateOf(pod, 'init1', true), stateOf(pod, 'init2', true), stateOf(pod, 'web')]).to.deep.equal(['waiting:PodInitializing', 'waiting:PodInitializing', 'waiting:PodInitializing'])

    tc.clock.advance(200)
    tc.pass(k)
    pod = tc.get('web')
    expect([phaseOf(pod), stateOf(pod, 'init1', true), stateOf(pod, 'init2', true)]).to.deep.equal(['Pending', 'running', 'waiting:PodInitializing'])

    tc.clock.advance(1000)
    tc.pass(k)
    pod = tc.get('web')
    expect([stateOf(pod, 'init1', true), stateOf(pod, 'init2', true)]).to.deep.equal(['terminated:Completed:0', 'running'])
    expect(containerStatus(pod, 'init1', true)).to.deep.include({ready: true, started: false})
    expect(status(pod).conditions[1].message).to.equal('containers with incomplete status: [init2]')

    tc.clock.advance(2000)
    tc.pass(k)
    pod = tc.get('web')
    expect([phaseOf(pod), stateOf(pod, 'init2', true), stateOf(pod, 'web')]).to.deep.equal(['Running', 'terminated:Completed:0', 'running'])
    expect(conditions(pod)).to.deep.equal(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'])
    expect(tc.events('web').filter((e) => e.startsWith('Normal Started'))).to.deep.equal(['Normal Started Started container init1', 'Normal Started Started container init2', 'Normal Started Started container web'])
    expect(tc.pass(k).writes).to.equal(0)
  })

  it('sorts container statuses by name and hands out distinct pod IPs, freeing one when its pod is gone', () => {
    tc.pod('a', {containers: [{name: 'zeta', image: 'nginx:1.27'}, {name: 'alpha', image: 'nginx:1.27'}], nodeName: 'ksim-worker'})
    tc.pod('b', {containers: [{name: 'app', image: 'nginx:1.27'}], nodeName: 'ksim-worker'})
    tc.pass(k)
    tc.clock.advance(200)
    tc.pass(k)
    expect((status(tc.get('a')).containerStatuses as {name: string}[]).map((c) => c.name)).to.deep.equal(['alpha', 'zeta'])
    expect([status(tc.get('a')).podIP, status(tc.get('b')).podIP]).to.deep.equal(['10.244.1.2', '10.244.1.3'])
    tc.api.delete(podType, 'default', 'a', {gracePeriodSeconds: 0})
    tc.pod('c', {containers: [{name: 'app', image: 'nginx:1.27'}], nodeName: 'ksim-worker'})
    tc.pass(k)
    tc.clock.advance(200)
    tc.pass(k)
    expect(status(tc.get('c')).podIP).to.equal('10.244.1.2')
  })

  it('rejects a pod bound by nodeName to a node without room, as kubelet admission does', () => {
    tc.pod('big', {containers: [{name: 'app', image: 'nginx:1.27', resources: {requests: {cpu: '3'}}}], nodeName: 'ksim-worker'})
    tc.pod('more', {containers: [{name: 'app', image: 'nginx:1.27', resources: {requests: {cpu: '2'}}}], nodeName: 'ksim-worker'})
    tc.pass(k)
    const pod = tc.get('more')
    expect(status(pod)).to.deep.include({
      phase: 'Failed',
      reason: 'OutOfcpu',
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 3000, capacity: 4000",
    })
    expect(tc.events('more')).to.deep.equal(["Warning OutOfcpu Node didn't have enough resource: cpu, requested: 2000, used: 3000, capacity: 4000"])
    expect(phaseOf(tc.get('big'))).to.equal('Pending')
    expect(tc.pass(k).writes).to.equal(0)
  })
})

describe('kubelet: heartbeats', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const lease = (name: string): KObject | undefined => tc.api.peek('Lease', 'kube-node-lease', name)
  const readyBeat = (name: string): string => ((tc.api.peek('Node', '', name)?.status as {conditions: {type: string; lastHeartbeatTime: string}[]}).conditions.find((c) => c.type === 'Ready')!.lastHeartbeatTime)

  it('creates and renews each node lease every 10 s, owned by the node', () => {
    const k = new Kubelet()
    const r = tc.pass(k)
    expect(r).to.deep.include({requeueAfterMs: 10_000, background: true})
    const l = lease('ksim-worker')!
    expect(l.spec).to.deep.equal({holderIdentity: 'ksim-worker', leaseDurationSeconds: 40, renewTime: '2026-07-01T10:00:00.000000Z'})
    expect(l.metadata.ownerReferences).to.deep.equal([{apiVersion: 'v1', kind: 'Node', name: 'ksim-worker', uid: tc.api.peek('Node', '', 'ksim-worker')!.metadata.uid}])
    tc.clock.advance(9_999)
    expect(tc.pass(k).writes).to.equal(0)
    tc.clock.advance(1)
    expect(tc.pass(k).writes).to.equal(3)
    expect((lease('ksim-worker')!.spec as {renewTime: string}).renewTime).to.equal('2026-07-01T10:00:10.000000Z')
  })

  it('posts node status every 5 minutes when nothing changes, refreshing lastHeartbeatTime', () => {
    const k = new Kubelet()
    tc.pass(k)
    expect(readyBeat('ksim-worker')).to.equal('2026-07-01T10:00:00Z')
    tc.clock.ms = T0 + 300_000
    tc.pass(k)
    expect(readyBeat('ksim-worker')).to.equal('2026-07-01T10:05:00Z')
  })

  it('does nothing for a node whose kubelet is stopped: no lease, its pods untouched', () => {
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => {
      n.metadata.annotations = {...n.metadata.annotations, 'ksim.io/kubelet-stopped': 'true'}
    })
    tc.pod('web', {containers: [{name: 'web', image: 'nginx'}], nodeName: 'ksim-worker'})
    tc.pass(new Kubelet())
    expect(lease('ksim-worker')).to.equal(undefined)
    expect(lease('ksim-worker2')).to.not.equal(undefined)
    expect(tc.get('web')?.status).to.deep.equal({phase: 'Pending', qosClass: 'BestEffort'})
  })
})
