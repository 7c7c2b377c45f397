import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import type {Pod} from 'kubernetes-types/core/v1.js'

import {partitionByPDBViolation} from '../../../src/controllers/scheduler/pdb.js'
import {pickCandidate} from '../../../src/controllers/scheduler/preemption.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../helpers.js'

const spec = (cpu: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({containers: [{name: 'c', image: 'nginx', resources: {requests: {cpu}}}], ...extra})
const statusOf = (pod: KObject | undefined) => pod?.status as {nominatedNodeName?: string; conditions?: Record<string, unknown>[]}
const condition = (pod: KObject | undefined, type: string) => (statusOf(pod).conditions ?? []).find((c) => c.type === type)
const nodeOf = (tc: TestCluster, name: string): string | undefined => (tc.get(name)?.spec as {nodeName?: string}).nodeName

describe('scheduler: preemption (DefaultPreemption)', () => {
  let tc: TestCluster
  let s: Scheduler
  beforeEach(() => {
    tc = testCluster()
    s = new Scheduler()
    for (const [name, value] of [['high', 1000], ['mid', 5]] as const) tc.api.create({apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name}, value})
  })
  afterEach(() => tc.close())

  it('nominates the node with the fewest and least important victims, marks and deletes them gracefully, then binds there', () => {
    tc.pod('low', spec('3', {nodeName: 'ksim-worker'}))
    tc.pod('low-a', spec('1500m', {nodeName: 'ksim-worker2'}))
    tc.pod('low-b', spec('1500m', {nodeName: 'ksim-worker2'}))
    const vip = tc.pod('vip', spec('3', {priorityClassName: 'high'}))
    tc.pass(s)
    expect(statusOf(tc.get('vip')).nominatedNodeName).to.equal('ksim-worker')
    const message = '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.'
    expect(condition(tc.get('vip'), 'PodScheduled')).to.deep.include({status: 'False', reason: 'Unschedulable', message})
    expect(tc.events('vip')).to.deep.equal([`Warning FailedScheduling ${message}`])
    const low = tc.get('low')
    expect(low?.metadata.deletionTimestamp).to.be.a('string')
    expect(condition(low, 'DisruptionTarget')).to.deep.equal({
      type: 'DisruptionTarget',
      observedGeneration: 1,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2026-07-01T10:00:00Z',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    })
    expect(tc.events('low')).to.deep.equal([`Normal Preempted Preempted by pod ${vip.metadata.uid} on node ksim-worker`])
    expect(tc.get('low-a')?.metadata.deletionTimestamp).to.equal(undefined)
    expect(tc.pass(s).writes).to.equal(0)
    tc.api.delete(tc.api.typeOf(low!), 'default', 'low', {gracePeriodSeconds: 0})
    tc.pass(s)
    expect(nodeOf(tc, 'vip')).to.equal('ksim-worker')
    expect(statusOf(tc.get('vip')).nominatedNodeName).to.equal(undefined)
  })

  it('waits while its victims terminate, saying so', () => {
    tc.pod('low', spec('3', {nodeName: 'ksim-worker'}))
    tc.pod('low2', spec('3', {nodeName: 'ksim-worker2'}))
    tc.pod('other', spec('100m', {nodeName: 'ksim-worker2'}), {labels: {x: 'y'}})
    tc.pod('vip', spec('3', {priorityClassName: 'high'}))
    tc.pass(s)
    // something else went away: the pod is tried again, but its victim is still terminating
    tc.api.delete(tc.api.typeOf(tc.get('other')!), 'default', 'other', {gracePeriodSeconds: 0})
    tc.pass(s)
    expect(condition(tc.get('vip'), 'PodScheduled')?.message).to.equal(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.',
    )
    expect(tc.get('low2')?.metadata.deletionTimestamp).to.equal(undefined)
  })

  it('preempts only what it must: a more important victim that frees enough is taken, a lesser one reprieved', () => {
    for (const n of ['ksim-worker', 'ksim-worker2']) tc.pod(`fill-${n}`, spec('3500m', {nodeName: n, priorityClassName: 'high'}))
    tc.api.delete(tc.api.typeOf(tc.get('fill-ksim-worker')!), 'default', 'fill-ksim-worker', {gracePeriodSeconds: 0})
    tc.pod('small', spec('1', {nodeName: 'ksim-worker'}))
    tc.pod('bigger', spec('2500m', {nodeName: 'ksim-worker', priorityClassName: 'mid'}))
    tc.pod('vip', spec('2', {priorityClassName: 'high'}))
    tc.pass(s)
    expect(statusOf(tc.get('vip')).nominatedNodeName).to.equal('ksim-worker')
    expect(tc.get('bigger')?.metadata.deletionTimestamp).to.be.a('string')
    expect(tc.get('small')?.metadata.deletionTimestamp).to.equal(undefined)
  })

  it('never preempts pods of equal or higher priority, and says so', () => {
    tc.pod('peer', spec('3', {nodeName: 'ksim-worker', priorityClassName: 'high'}))
    tc.pod('peer2', spec('3', {nodeName: 'ksim-worker2', priorityClassName: 'high'}))
    tc.pod('vip', spec('3', {priorityClassName: 'high'}))
    tc.pass(s)
    expect(condition(tc.get('vip'), 'PodScheduled')?.message).to.equal(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    )
  })
})

describe('preemption: PodDisruptionBudgets and the choice of node', () => {
  const pod = (name: string, priority: number, labels: Record<string, string> = {}, startTime?: string): Pod => ({metadata: {name, namespace: 'default', labels}, spec: {containers: [], priority}, status: startTime ? {startTime} : {}})
  const pdb = (selector: unknown, disruptionsAllowed: number, disruptedPods?: Record<string, string>) => ({metadata: {namespace: 'default'}, spec: {selector: selector as never}, status: {disruptionsAllowed, disruptedPods}})

  it('counts a pod as violating once a matching budget has no disruptions left, skipping pods already disrupted', () => {
    const pods = [pod('a', 0, {app: 'db'}), pod('b', 0, {app: 'db'}), pod('c', 0, {app: 'web'}), pod('d', 0)]
    const {violating, nonViolating} = partitionByPDBViolation(pods, [pdb({matchLabels: {app: 'db'}}, 1), pdb({}, 0), pdb({matchLabels: {app: 'web'}}, 0, {c: '2026-07-01T10:00:00Z'})])
    expect(violating.map((p) => p.metadata?.name)).to.deep.equal(['b'])
    expect(nonViolating.map((p) => p.metadata?.name)).to.deep.equal(['a', 'c', 'd'])
  })

  it('picks the node by fewest PDB violations, then lowest top priority, priority sum, victim count, latest start', () => {
    const now = Date.parse('2026-07-01T10:00:00Z')
    const c = (node: string, victims: Pod[], pdbViolations = 0) => ({node, victims, pdbViolations})
    expect(pickCandidate([c('a', [pod('x', 1)], 1), c('b', [pod('y', 5), pod('z', 5)])], now)?.node).to.equal('b')
    expect(pickCandidate([c('a', [pod('x', 5)]), c('b', [pod('y', 1), pod('z', 1)])], now)?.node).to.equal('b')
    expect(pickCandidate([c('a', [pod('x', 5), pod('y', 1)]), c('b', [pod('z', 5)])], now)?.node).to.equal('b')
    expect(pickCandidate([c('a', [pod('x', 5, {}, '2026-07-01T09:00:00Z')]), c('b', [pod('z', 5, {}, '2026-07-01T09:30:00Z')])], now)?.node).to.equal('b')
    expect(pickCandidate([c('a', [pod('x', 5)]), c('b', [pod('z', 5)])], now)?.node).to.equal('a')
  })
})
