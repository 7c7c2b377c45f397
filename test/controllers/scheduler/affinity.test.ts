import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {nodeType} from '../../../src/api/kinds/node.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../helpers.js'

const HOST = 'kubernetes.io/hostname'
const term = (labels: Record<string, string>, topologyKey = HOST, extra: Record<string, unknown> = {}) => ({labelSelector: {matchLabels: labels}, topologyKey, ...extra})
const anti = (...terms: unknown[]) => ({affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: terms}}})
const affine = (...terms: unknown[]) => ({affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: terms}}})
const spec = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({containers: [{name: 'c', image: 'nginx'}], ...extra})
const nodeOf = (tc: TestCluster, name: string, ns = 'default'): string | undefined => (tc.get(name, ns)?.spec as {nodeName?: string}).nodeName
const messageOf = (pod: KObject | undefined): string | undefined =>
  ((pod?.status as {conditions?: {type: string; message?: string}[]}).conditions ?? []).find((c) => c.type === 'PodScheduled')?.message
const NOT_HELPFUL_TAINT = '1 node(s) had untolerated taint(s)'

describe('scheduler: inter-pod affinity and anti-affinity', () => {
  let tc: TestCluster
  let s: Scheduler
  beforeEach(() => {
    tc = testCluster()
    s = new Scheduler()
  })
  afterEach(() => tc.close())

  it('places anti-affine replicas one per node and leaves the extra one Pending with the exact message', () => {
    for (const n of ['web-1', 'web-2', 'web-3']) tc.pod(n, spec(anti(term({app: 'web'}))), {labels: {app: 'web'}})
    tc.pass(s)
    expect([nodeOf(tc, 'web-1'), nodeOf(tc, 'web-2'), nodeOf(tc, 'web-3')]).to.deep.equal(['ksim-worker', 'ksim-worker2', undefined])
    expect(messageOf(tc.get('web-3'))).to.equal(
      `0/3 nodes are available: ${NOT_HELPFUL_TAINT}, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
    )
    expect(tc.pass(s).writes).to.equal(0)
  })

  it("refuses a node whose pods' own anti-affinity rejects the incoming pod", () => {
    tc.pod('db', spec({nodeName: 'ksim-worker', ...anti(term({app: 'web'}))}), {labels: {app: 'db'}})
    tc.pod('web', spec(), {labels: {app: 'web'}})
    tc.pod('other', spec({nodeSelector: {[HOST]: 'ksim-worker'}}), {labels: {app: 'web'}})
    tc.pass(s)
    expect(nodeOf(tc, 'web')).to.equal('ksim-worker2')
    expect(messageOf(tc.get('other'))).to.equal(
      `0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy existing pods anti-affinity rules, ${NOT_HELPFUL_TAINT}. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`,
    )
  })

  it('puts an affine pod next to the pod it follows, and lets the first of a self-affine group go anywhere', () => {
    tc.pod('cache', spec({nodeName: 'ksim-worker2'}), {labels: {app: 'cache'}})
    tc.pod('web', spec(affine(term({app: 'cache'}))), {labels: {app: 'web'}})
    tc.pod('first', spec(affine(term({group: 'g'}))), {labels: {group: 'g'}})
    tc.pass(s)
    expect(nodeOf(tc, 'web')).to.equal('ksim-worker2')
    // least allocated: ksim-worker has fewer pods
    expect(nodeOf(tc, 'first')).to.equal('ksim-worker')
  })

  it('says no node matches pod affinity, which preemption cannot fix, and retries when a matching pod is bound', () => {
    tc.pod('web', spec(affine(term({app: 'cache'}))), {labels: {app: 'web'}})
    tc.pass(s)
    expect(messageOf(tc.get('web'))).to.equal(
      `0/3 nodes are available: ${NOT_HELPFUL_TAINT}, 2 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
    )
    tc.clock.advance(1000)
    expect(tc.pass(s).writes).to.equal(0)
    tc.pod('cache', spec({nodeName: 'ksim-worker2'}), {labels: {app: 'cache'}})
    tc.pass(s)
    expect(nodeOf(tc, 'web')).to.equal('ksim-worker2')
  })

  it('counts a missing topology key as no match for affinity and as no conflict for anti-affinity', () => {
    tc.pod('a', spec({nodeName: 'ksim-worker'}), {labels: {app: 'a'}})
    tc.pod('zonal', spec(affine(term({app: 'a'}, 'topology.kubernetes.io/zone'))))
    tc.pod('apart', spec(anti(term({app: 'a'}, 'topology.kubernetes.io/zone'))))
    tc.pass(s)
    expect(nodeOf(tc, 'zonal')).to.equal(undefined)
    expect(nodeOf(tc, 'apart')).to.equal('ksim-worker2')
  })

  it('matches pods of the term namespaces or namespaceSelector only (own namespace by default)', () => {
    tc.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team', labels: {team: 'x'}}})
    tc.api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'db', namespace: 'team', labels: {app: 'db'}}, spec: spec({nodeName: 'ksim-worker'})})
    tc.pod('own', spec(affine(term({app: 'db'}))))
    tc.pod('named', spec(affine(term({app: 'db'}, HOST, {namespaces: ['team']}))))
    tc.pod('selected', spec(affine(term({app: 'db'}, HOST, {namespaceSelector: {matchLabels: {team: 'x'}}}))))
    tc.pod('all', spec(anti(term({app: 'db'}, HOST, {namespaceSelector: {}}))))
    tc.pass(s)
    expect([nodeOf(tc, 'own'), nodeOf(tc, 'named'), nodeOf(tc, 'selected'), nodeOf(tc, 'all')]).to.deep.equal([undefined, 'ksim-worker', 'ksim-worker', 'ksim-worker2'])
  })

  it('merges matchLabelKeys and mismatchLabelKeys into the selector at create', () => {
    const pod = tc.pod('p', spec(anti(term({app: 'web'}, HOST, {matchLabelKeys: ['version', 'absent'], mismatchLabelKeys: ['tenant']}))), {labels: {app: 'web', version: 'v2', tenant: 't1'}})
    const stored = (pod.spec as {affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {labelSelector: unknown}[]}}}).affinity.podAntiAffinity
    expect(stored.requiredDuringSchedulingIgnoredDuringExecution[0]!.labelSelector).to.deep.equal({
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'version', operator: 'In', values: ['v2']},
        {key: 'tenant', operator: 'NotIn', values: ['t1']},
      ],
    })
    // v1 pods of the same app do not repel a v2 pod: it may share their node
    tc.pod('v1', spec({nodeName: 'ksim-worker'}), {labels: {app: 'web', version: 'v1', tenant: 't2'}})
    tc.pod('v1b', spec({nodeName: 'ksim-worker2'}), {labels: {app: 'web', version: 'v1', tenant: 't2'}})
    tc.pass(s)
    expect(nodeOf(tc, 'p')).to.equal('ksim-worker')
  })

  it('keeps a pod off a node where its anti-affinity was added by a pod bound after it waited', () => {
    modifyNodes(tc)
    tc.pod('x', spec(anti(term({app: 'x'}, 'topology.kubernetes.io/zone'))), {labels: {app: 'x'}})
    tc.pod('y', spec(anti(term({app: 'x'}, 'topology.kubernetes.io/zone'))), {labels: {app: 'x'}})
    tc.pass(s)
    // both workers share zone-a: only one of the two fits
    expect([nodeOf(tc, 'x'), nodeOf(tc, 'y')]).to.deep.equal(['ksim-worker', undefined])
    tc.api.delete(nodeType, '', 'ksim-control-plane')
    expect(tc.pass(s).writes).to.be.greaterThan(0)
    expect(messageOf(tc.get('y'))).to.equal(
      "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    )
  })
})

function modifyNodes(tc: TestCluster): void {
  for (const n of ['ksim-worker', 'ksim-worker2']) {
    tc.api.modify(nodeType, '', n, (o) => {
      o.metadata.labels = {...o.metadata.labels, 'topology.kubernetes.io/zone': 'zone-a'}
    })
  }
}
