import {expect} from 'chai'

import type {ControllerContext} from '../../../src/controllers/types.js'

import {configMapType} from '../../../src/api/kinds/configmap.js'
import {nodeType} from '../../../src/api/kinds/node.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {PodGCController} from '../../../src/controllers/pod-gc.js'
import {TaintEvictionController} from '../../../src/controllers/taint-eviction.js'
import {reconcileAll} from '../../../src/controllers/keys.js'
import {StoreCache} from '../../../src/reconciler/cache.js'
import {T0, phaseOf, testCluster, type TestCluster} from '../helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

// the kubelet over the reconciler's own cache, whose unchanged objects stay the same objects: a pod
// whose last sync had nothing to do is skipped until it, its node or a ConfigMap/Secret changes
describe('kubelet over the reconciler cache', () => {
  let tc: TestCluster
  let cache: StoreCache
  let ctx: ControllerContext
  let k: Kubelet
  beforeEach(() => {
    tc = testCluster()
    cache = new StoreCache(tc.store)
    cache.load()
    ctx = {...tc.ctx, cache}
    k = new Kubelet()
  })
  afterEach(() => tc.close())

  /** a pass at `ms`: the writes it made to the pod (node leases are renewed meanwhile) */
  const at = (ms: number): number => {
    tc.clock.ms = T0 + ms
    cache.sync()
    const before = tc.store.revision()
    reconcileAll(k, ctx)
    return tc.store.changesSince(before).filter((c) => c.kind === 'Pod' || c.kind === 'Event').length
  }
  const hostIP = (): string | undefined => (tc.get('web')?.status as {hostIP?: string} | undefined)?.hostIP

  function settled(): void {
    tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', env: [{name: 'X', valueFrom: {configMapKeyRef: {name: 'cfg', key: 'x', optional: true}}}]}], nodeName: 'ksim-worker'}, {annotations: FAST})
    at(0)
    at(200)
    at(400)
    expect(phaseOf(tc.get('web'))).to.equal('Running')
    expect((tc.get('web')!.status as {conditions: {type: string; status: string}[]}).conditions.find((c) => c.type === 'Ready')?.status).to.equal('True')
    expect(at(500)).to.equal(0)
    expect(at(60_000)).to.equal(0)
  }

  it('maps a node condition post to the heartbeat alone; another change of the node reaches its pods (kubelet, taint eviction, pod GC)', () => {
    settled()
    const controllers = [k, new TaintEvictionController(), new PodGCController()]
    // the keys each controller's Node watch maps the write's change to
    const nodeKeys = (write: () => void): string[][] => {
      write()
      const keys: string[][] = controllers.map(() => [])
      cache.sync((c) => {
        if (c.kind !== 'Node' || c.name !== 'ksim-worker') return
        controllers.forEach((ctl, i) => keys[i]!.push(...ctl.watches.find((w) => w.kind === 'Node')!.map!(c, cache)))
      })
      return keys
    }
    const post = (ready: string): void => {
      const node = tc.api.peek('Node', '', 'ksim-worker')!
      const status = node.status as {conditions: {type: string; status: string; lastHeartbeatTime: string}[]}
      tc.api.updateStatus({...node, status: {...status, conditions: status.conditions.map((c) => ({...c, lastHeartbeatTime: '2030-01-01T00:00:00Z', status: c.type === 'Ready' ? ready : c.status}))}})
    }
    expect(nodeKeys(() => post('True'))).to.deep.equal([['ksim-worker'], [], []])
    // pod GC force-deletes terminating pods of a NotReady out-of-service node: readiness concerns it
    expect(nodeKeys(() => post('False'))).to.deep.equal([['ksim-worker'], [], ['default/web']])
    expect(nodeKeys(() => tc.api.modify(nodeType, '', 'ksim-worker', (o) => void (o.metadata.labels = {...o.metadata.labels, zone: 'a'})))).to.deep.equal([['ksim-worker', 'default/web'], ['default/web'], ['default/web']])
    const node = tc.api.peek('Node', '', 'ksim-worker')!
    expect(nodeKeys(() => tc.api.updateStatus({...node, status: {...(node.status as object), allocatable: {cpu: '1', memory: '1Gi', pods: '3'}}}))[0]).to.deep.equal(['ksim-worker', 'default/web'])
  })

  it('leaves a settled pod alone while only other objects change', () => {
    settled()
    tc.api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg', namespace: 'default'}, data: {x: '1'}})
    expect(at(61_000)).to.equal(0)
    tc.api.modify(configMapType, 'default', 'cfg', (o) => void (o.data = {x: '2'}))
    expect(at(62_000)).to.equal(0)
  })

  it('syncs a settled pod again once it is deleted: the termination runs to the end', () => {
    settled()
    tc.clock.ms = T0 + 70_000
    tc.api.delete(podType, 'default', 'web')
    at(70_000)
    expect(tc.get('web')).to.equal(undefined)
    expect(tc.events('web').slice(-1)).to.deep.equal(['Normal Killing Stopping container web'])
  })

  it('syncs a settled pod again when its node changes: the pod reports the node address it has now', () => {
    settled()
    expect(hostIP()).to.equal('172.18.0.3')
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => void ((n.status as {addresses: {address: string; type: string}[]}).addresses = [{address: '172.18.0.99', type: 'InternalIP'}]))
    expect(at(80_000)).to.equal(1)
    expect(hostIP()).to.equal('172.18.0.99')
  })
})
