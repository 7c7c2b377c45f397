import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {nodeType} from '../../../src/api/kinds/node.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {conditions, testCluster, type TestCluster} from '../helpers.js'

const web = (extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> => ({containers: [{name: 'web', image: 'nginx', ...container}], ...extra})
const cpu = (n: string): Record<string, unknown> => ({resources: {requests: {cpu: n}}})
const scheduledCondition = (pod: KObject | undefined): Record<string, unknown> | undefined =>
  ((pod?.status as {conditions?: Record<string, unknown>[]}).conditions ?? []).find((c) => c.type === 'PodScheduled')

function modifyNode(tc: TestCluster, name: string, change: (n: KObject) => void): void {
  tc.api.modify(nodeType, '', name, (n) => {
    change(n)
  })
}

describe('scheduler', () => {
  let tc: TestCluster
  let s: Scheduler
  beforeEach(() => {
    tc = testCluster()
    s = new Scheduler()
  })
  afterEach(() => tc.close())

  it('binds a pod to the least allocated untainted node, ties broken by name, with the Scheduled event', () => {
    tc.pod('web', web())
    const r = tc.pass(s)
    const pod = tc.get('web')
    expect((pod?.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker')
    expect(scheduledCondition(pod)).to.deep.equal({type: 'PodScheduled', observedGeneration: 1, status: 'True', lastProbeTime: null, lastTransitionTime: '2026-07-01T10:00:00Z'})
    expect(tc.events('web')).to.deep.equal(['Normal Scheduled Successfully assigned default/web to ksim-worker'])
    expect(r.requeueAfterMs).to.equal(undefined)
    expect(tc.pass(s).writes).to.equal(0)
  })

  it('spreads pods by least allocated: the second pod goes to the other worker', () => {
    tc.pod('a', web({}, cpu('1')))
    tc.pass(s)
    tc.pod('b', web({}, cpu('1')))
    tc.pass(s)
    expect((tc.get('b')?.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker2')
  })

  it('places a pod tolerating the control-plane taint on the control plane when it is the emptiest by name', () => {
    tc.pod('web', web({tolerations: [{key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule'}]}))
    tc.pass(s)
    expect((tc.get('web')?.spec as {nodeName?: string}).nodeName).to.equal('ksim-control-plane')
  })

  it('reports a pod too big for any node with the FailedScheduling message, not helped by preemption', () => {
    tc.pod('big', web({}, cpu('5')))
    const r = tc.pass(s)
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'
    const pod = tc.get('big')
    expect(scheduledCondition(pod)).to.deep.equal({
      type: 'PodScheduled',
      observedGeneration: 1,
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: '2026-07-01T10:00:00Z',
      reason: 'Unschedulable',
      message,
    })
    expect(tc.events('big')).to.deep.equal([`Warning FailedScheduling ${message}`])
    expect(r).to.deep.include({requeueAfterMs: 300_000, background: true})
    expect(tc.pass(s).writes).to.equal(0)
  })

  it('says no preemption victims exist when the nodes are full of pods of the same priority', () => {
    tc.pod('a', web({}, cpu('3')))
    tc.pass(s)
    tc.pod('b', web({}, cpu('3')))
    tc.pass(s)
    tc.pod('c', web({}, cpu('3')))
    tc.pass(s)
    expect(scheduledCondition(tc.get('c'))?.message).to.equal(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    )
  })

  it('counts memory and pod-count shortfalls as Insufficient memory and Too many pods', () => {
    tc.close()
    tc = testCluster({maxPods: 1})
    tc.pod('a', web())
    tc.pass(s)
    tc.pod('b', web())
    tc.pass(s)
    tc.pod('c', web({}, {resources: {requests: {memory: '9Gi'}}}))
    tc.pass(s)
    expect(scheduledCondition(tc.get('c'))?.message).to.equal(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient memory, 2 Too many pods. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
  })

  it('reports cordoned nodes and a nodeSelector that matches nothing', () => {
    modifyNode(tc, 'ksim-worker', (n) => ((n.spec as Record<string, unknown>).unschedulable = true))
    tc.pod('sel', web({nodeSelector: {disk: 'ssd'}}))
    tc.pass(s)
    expect(scheduledCondition(tc.get('sel'))?.message).to.equal(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  it('lets a pod tolerating node.kubernetes.io/unschedulable onto a cordoned node', () => {
    for (const n of ['ksim-worker', 'ksim-worker2']) modifyNode(tc, n, (x) => ((x.spec as Record<string, unknown>).unschedulable = true))
    tc.pod('tol', web({tolerations: [{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'}]}))
    tc.pass(s)
    expect((tc.get('tol')?.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker')
  })

  it('honours required node affinity with In, NotIn, Exists, DoesNotExist, Gt and Lt', () => {
    modifyNode(tc, 'ksim-worker2', (n) => (n.metadata.labels = {...n.metadata.labels, disk: 'ssd', gen: '5'}))
    const affinity = (exprs: Record<string, unknown>[]) => ({affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: exprs}]}}}})
    const cases: [string, Record<string, unknown>[], string | undefined][] = [
      ['in', [{key: 'disk', operator: 'In', values: ['ssd', 'nvme']}], 'ksim-worker2'],
      ['notin', [{key: 'disk', operator: 'NotIn', values: ['ssd']}], 'ksim-worker'],
      ['exists', [{key: 'gen', operator: 'Exists'}], 'ksim-worker2'],
      ['absent', [{key: 'gen', operator: 'DoesNotExist'}], 'ksim-worker'],
      ['gt', [{key: 'gen', operator: 'Gt', values: ['4']}], 'ksim-worker2'],
      ['lt', [{key: 'gen', operator: 'Lt', values: ['5']}], undefined],
    ]
    for (const [name, exprs] of cases) tc.pod(name, web(affinity(exprs)))
    tc.pass(s)
    for (const [name, , node] of cases) expect((tc.get(name)?.spec as {nodeName?: string}).nodeName, name).to.equal(node)
    expect(scheduledCondition(tc.get('lt'))?.message).to.equal(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  it('treats NoExecute taints like NoSchedule and ignores PreferNoSchedule', () => {
    modifyNode(tc, 'ksim-worker', (n) => ((n.spec as Record<string, unknown>).taints = [{key: 'dedicated', value: 'db', effect: 'NoExecute'}]))
    modifyNode(tc, 'ksim-worker2', (n) => ((n.spec as Record<string, unknown>).taints = [{key: 'soft', effect: 'PreferNoSchedule'}]))
    tc.pod('web', web())
    tc.pass(s)
    expect((tc.get('web')?.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker2')
  })

  it('appends the preemptionPolicy=Never verdict instead of a dry run', () => {
    tc.api.create({apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name: 'never'}, value: 0, preemptionPolicy: 'Never'})
    tc.pod('never', web({priorityClassName: 'never'}, cpu('5')))
    tc.pass(s)
    expect(scheduledCondition(tc.get('never'))?.message).to.equal(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    )
  })

  it('says no nodes are available when the cluster has none', () => {
    for (const n of ['ksim-control-plane', 'ksim-worker', 'ksim-worker2']) tc.api.delete(nodeType, '', n)
    tc.pod('web', web())
    tc.pass(s)
    expect(conditions(tc.get('web'))).to.deep.equal(['PodScheduled=False/Unschedulable'])
    expect(scheduledCondition(tc.get('web'))?.message).to.equal('no nodes available to schedule pods')
  })

  it('retries an unschedulable pod when a node changes, and binds it once it fits', () => {
    tc.pod('sel', web({nodeSelector: {disk: 'ssd'}}))
    tc.pass(s)
    tc.clock.advance(1000)
    expect(tc.pass(s).writes).to.equal(0)
    modifyNode(tc, 'ksim-worker2', (n) => (n.metadata.labels = {...n.metadata.labels, disk: 'ssd'}))
    tc.pass(s)
    const pod = tc.get('sel')
    expect((pod?.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker2')
    expect(scheduledCondition(pod)).to.deep.include({status: 'True', lastTransitionTime: '2026-07-01T10:00:01Z'})
    expect(scheduledCondition(pod)).to.not.have.property('reason')
  })

  it('retries when a bound pod goes away, and every 5 minutes otherwise (the event counts up)', () => {
    tc.pod('a', web({}, cpu('3')))
    tc.pod('b', web({}, cpu('3')))
    tc.pass(s)
    tc.clock.advance(1000)
    tc.pod('c', web({}, cpu('3')))
    tc.pass(s)
    tc.clock.advance(300_000)
    tc.pass(s)
    expect(tc.events('c')[0]).to.match(/^Warning FailedScheduling .* \(x2\)$/)
    tc.api.delete((tc.api.typeOf(tc.get('a')!)), 'default', 'a', {gracePeriodSeconds: 0})
    tc.pass(s)
    expect((tc.get('c')?.spec as {nodeName?: string}).nodeName).to.equal('ksim-worker')
  })

  it('leaves pods for other schedulers and gated pods alone', () => {
    tc.pod('other', web({schedulerName: 'my-scheduler'}))
    tc.pod('gated', web({schedulingGates: [{name: 'wait'}]}))
    expect(tc.pass(s).writes).to.equal(0)
  })
})
