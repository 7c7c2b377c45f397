import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../helpers.js'

const ZONE = 'topology.kubernetes.io/zone'
const spec = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({containers: [{name: 'c', image: 'nginx'}], ...extra})
const spread = (c: Record<string, unknown>) => ({topologySpreadConstraints: [{maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: {matchLabels: {app: 'web'}}, ...c}]})
const nodeOf = (tc: TestCluster, name: string): string | undefined => (tc.get(name)?.spec as {nodeName?: string}).nodeName
const messageOf = (pod: KObject | undefined): string | undefined =>
  ((pod?.status as {conditions?: {type: string; message?: string}[]}).conditions ?? []).find((c) => c.type === 'PodScheduled')?.message
const nodeZones = (tc: TestCluster): Record<string, string | undefined> =>
  Object.fromEntries(tc.ctx.cache.list('Node').map((n) => [n.metadata.name, n.metadata.labels?.[ZONE]]))

describe('scheduler: topology spread constraints and zones', () => {
  let tc: TestCluster | undefined
  let s: Scheduler
  beforeEach(() => (s = new Scheduler()))
  afterEach(() => tc?.close())

  it('labels the nodes of a cluster with zones round-robin, in one region', () => {
    tc = testCluster({nodes: 4, zones: 3})
    expect(nodeZones(tc)).to.deep.equal({'ksim-control-plane': 'zone-a', 'ksim-worker': 'zone-b', 'ksim-worker2': 'zone-c', 'ksim-worker3': 'zone-a'})
    expect(tc.ctx.cache.list('Node').map((n) => n.metadata.labels?.['topology.kubernetes.io/region'])).to.deep.equal(['region-1', 'region-1', 'region-1', 'region-1'])
  })

  it("counts the tainted control plane's empty zone under the default nodeTaintsPolicy, leaving the third replica Pending", () => {
    tc = testCluster({zones: 3})
    for (const n of ['web-1', 'web-2', 'web-3']) tc.pod(n, spec(spread({})), {labels: {app: 'web'}})
    tc.pass(s)
    expect([nodeOf(tc, 'web-1'), nodeOf(tc, 'web-2'), nodeOf(tc, 'web-3')]).to.deep.equal(['ksim-worker', 'ksim-worker2', undefined])
    expect(messageOf(tc.get('web-3'))).to.equal(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    )
    expect(tc.pass(s).writes).to.equal(0)
  })

  it('leaves tainted nodes out of the domains with nodeTaintsPolicy Honor', () => {
    tc = testCluster({zones: 3})
    for (const n of ['web-1', 'web-2', 'web-3', 'web-4']) tc.pod(n, spec(spread({nodeTaintsPolicy: 'Honor'})), {labels: {app: 'web'}})
    tc.pass(s)
    expect(['web-1', 'web-2', 'web-3', 'web-4'].map((n) => nodeOf(tc!, n))).to.deep.equal(['ksim-worker', 'ksim-worker2', 'ksim-worker', 'ksim-worker2'])
  })

  it('leaves nodes the pod may not use out of the domains (nodeAffinityPolicy Honor), unless Ignore', () => {
    tc = testCluster({zones: 3, nodes: 4})
    const onlyB = {nodeSelector: {[ZONE]: 'zone-b'}}
    tc.pod('a', spec({...onlyB, ...spread({nodeTaintsPolicy: 'Honor'})}), {labels: {app: 'web'}})
    tc.pod('b', spec({...onlyB, ...spread({nodeTaintsPolicy: 'Honor'})}), {labels: {app: 'web'}})
    tc.pod('c', spec({...onlyB, ...spread({nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Ignore'})}), {labels: {app: 'web'}})
    tc.pass(s)
    expect([nodeOf(tc, 'a'), nodeOf(tc, 'b'), nodeOf(tc, 'c')]).to.deep.equal(['ksim-worker', 'ksim-worker', undefined])
  })

  it('holds the global minimum at 0 while there are fewer domains than minDomains', () => {
    tc = testCluster({zones: 3})
    tc.pod('a', spec(spread({nodeTaintsPolicy: 'Honor', minDomains: 3})), {labels: {app: 'web'}})
    tc.pod('b', spec(spread({nodeTaintsPolicy: 'Honor', minDomains: 3})), {labels: {app: 'web'}})
    tc.pod('c', spec(spread({nodeTaintsPolicy: 'Honor', minDomains: 3})), {labels: {app: 'web'}})
    tc.pass(s)
    expect([nodeOf(tc, 'a'), nodeOf(tc, 'b'), nodeOf(tc, 'c')]).to.deep.equal(['ksim-worker', 'ksim-worker2', undefined])
  })

  it('counts only pods of the same namespace that match the selector and are not being deleted; ScheduleAnyway does not filter', () => {
    tc = testCluster({zones: 3})
    tc.pod('other', spec({nodeName: 'ksim-worker'}), {labels: {app: 'db'}})
    tc.pod('anyway', spec({topologySpreadConstraints: [{maxSkew: 1, topologyKey: 'missing', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: {}}]}))
    tc.pod('w', spec(spread({nodeTaintsPolicy: 'Honor'})), {labels: {app: 'web'}})
    tc.pass(s)
    expect(nodeOf(tc, 'anyway')).to.equal('ksim-worker2')
    expect(nodeOf(tc, 'w')).to.equal('ksim-worker')
  })

  it('says a node lacks the topology label, which preemption cannot fix', () => {
    tc = testCluster()
    tc.pod('w', spec(spread({})), {labels: {app: 'web'}})
    tc.pass(s)
    expect(messageOf(tc.get('w'))).to.equal(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  it('merges matchLabelKeys into the constraint selector at create, so each revision spreads on its own', () => {
    tc = testCluster({zones: 3})
    const c = spread({nodeTaintsPolicy: 'Honor', matchLabelKeys: ['pod-template-hash']})
    tc.pod('old', spec({nodeName: 'ksim-worker2'}), {labels: {app: 'web', 'pod-template-hash': 'v1'}})
    tc.pod('old2', spec({nodeName: 'ksim-worker2'}), {labels: {app: 'web', 'pod-template-hash': 'v1'}})
    // counted with the old revision's pods, zone-c would be 2 ahead of zone-b
    const created = tc.pod('new', spec({...c, nodeSelector: {[ZONE]: 'zone-c'}}), {labels: {app: 'web', 'pod-template-hash': 'v2'}})
    expect((created.spec as {topologySpreadConstraints: {labelSelector: unknown}[]}).topologySpreadConstraints[0]!.labelSelector).to.deep.equal({
      matchLabels: {app: 'web'},
      matchExpressions: [{key: 'pod-template-hash', operator: 'In', values: ['v2']}],
    })
    tc.pass(s)
    expect(nodeOf(tc, 'new')).to.equal('ksim-worker2')
  })
})
