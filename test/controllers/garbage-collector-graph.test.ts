import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {deploymentType} from '../../src/api/kinds/deployment.js'
import {podType} from '../../src/api/kinds/pod.js'
import {replicaSetType} from '../../src/api/kinds/replicaset.js'
import {DeploymentController} from '../../src/controllers/deployment/deployment.js'
import {ReplicaSetController} from '../../src/controllers/deployment/replicaset.js'
import {GarbageCollector} from '../../src/controllers/garbage-collector.js'
import {StoreCache} from '../../src/reconciler/cache.js'
import {testCluster, type TestCluster} from './helpers.js'

// The collector's keys as the reconciler makes them: the cache's owner-uid index, and which objects a
// change marks (one key per object, so a wake-up checks those rather than every object).
describe('garbage collector graph', () => {
  let tc: TestCluster
  let cache: StoreCache
  const gc = new GarbageCollector()
  const names = (objs: readonly KObject[]) => objs.map((o) => o.metadata.name!).sort()
  const rs = () => tc.api.list(replicaSetType, 'default').items[0]!
  const pods = () => names(tc.api.list(podType, 'default').items)

  /** brings the cache up to date; the keys the collector's watches map those changes to */
  function marked(): string[] {
    const keys = new Set<string>()
    cache.sync((change) => {
      for (const w of gc.watches) if (w.kind === change.kind) for (const k of w.map!(change, cache)) keys.add(k)
    })
    return [...keys].sort()
  }

  beforeEach(() => {
    tc = testCluster()
    tc.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', namespace: 'default'},
      spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}},
    })
    tc.settle(new DeploymentController(), new ReplicaSetController())
    cache = new StoreCache(tc.store)
    cache.load()
  })
  afterEach(() => tc.close())

  it('indexes dependents by owner uid, as the test cache finds them by a scan', () => {
    const deployment = tc.api.peek('Deployment', 'default', 'web')!
    expect(names(cache.dependents(deployment.metadata.uid!))).to.deep.equal([rs().metadata.name])
    expect(names(cache.dependents(rs().metadata.uid!))).to.deep.equal(pods()).and.to.have.length(2)
    expect(names(cache.dependents(rs().metadata.uid!))).to.deep.equal(names(tc.ctx.cache.dependents(rs().metadata.uid!)))
    expect(cache.dependents('no-such-uid')).to.deep.equal([])
  })

  it('starts with a key for every object that has owners, and none for one without', () => {
    const keys = gc.keys(cache)
    expect(keys).to.include(`ReplicaSet/default/${rs().metadata.name}`)
    for (const p of pods()) expect(keys).to.include(`Pod/default/${p}`)
    expect(keys).to.not.include('Deployment/default/web')
  })

  it('marks nothing for a write that leaves owners alone, and the dependents of an owner that goes', () => {
    expect(marked()).to.deep.equal([])
    const pod = pods()[0]!
    tc.api.modify(podType, 'default', pod, (p) => void (p.metadata.labels = {...p.metadata.labels, extra: 'yes'}))
    expect(marked()).to.deep.equal([])
    const rsName = rs().metadata.name
    tc.api.delete(deploymentType, 'default', 'web', {propagationPolicy: 'Background'})
    expect(marked()).to.deep.equal([`ReplicaSet/default/${rsName}`])
    expect(cache.dependents(rs().metadata.uid!)).to.have.length(2)
  })

  it('marks an owner deleted in the foreground, and marks it again when a dependent goes', () => {
    tc.api.delete(deploymentType, 'default', 'web', {propagationPolicy: 'Foreground'})
    expect(marked()).to.deep.equal(['Deployment/default/web'])
    const rsName = rs().metadata.name
    const [a, b] = pods()
    tc.api.delete(replicaSetType, 'default', rsName!, {propagationPolicy: 'Background'})
    expect(marked()).to.deep.equal(['Deployment/default/web', `Pod/default/${a}`, `Pod/default/${b}`])
    expect(cache.dependents(tc.api.peek('Deployment', 'default', 'web')!.metadata.uid!)).to.deep.equal([])
  })
})
