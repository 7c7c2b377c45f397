import {expect} from 'chai'

import {podDisruptionBudgetType} from '../../../src/api/kinds/poddisruptionbudget.js'
import {evictPod} from '../../../src/api/eviction.js'
import {DisruptionController} from '../../../src/controllers/disruption/disruption.js'
import {testCluster, type TestCluster} from '../helpers.js'
import {pdb, replicaSet, webPod} from './fixtures.js'

const statusOf = (tc: TestCluster, name = 'web-pdb') => tc.api.get(podDisruptionBudgetType, 'default', name).status as Record<string, any>
const condition = (s: Record<string, any>) => s.conditions.map((c: Record<string, unknown>) => `${c.type}=${c.status}/${c.reason}${c.message ? `: ${c.message}` : ''}`)

describe('disruption controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('counts healthy pods against minAvailable and allows the difference; a further pass writes nothing', () => {
    const rs = replicaSet(tc, 'web-1', 3)
    for (const n of ['a', 'b']) webPod(tc, n, rs)
    webPod(tc, 'c', rs, false)
    pdb(tc, 'web-pdb', {minAvailable: 1})
    const c = new DisruptionController()
    expect(tc.pass(c).writes).to.equal(1)
    expect(statusOf(tc)).to.deep.equal({
      conditions: [{lastTransitionTime: '2026-07-01T10:00:00Z', message: '', observedGeneration: 1, reason: 'SufficientPods', status: 'True', type: 'DisruptionAllowed'}],
      currentHealthy: 2,
      desiredHealthy: 1,
      disruptionsAllowed: 1,
      expectedPods: 3,
      observedGeneration: 1,
    })
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('takes the expected count from the Deployment that owns the pods\' ReplicaSet for maxUnavailable, rounding the percentage up', () => {
    const deployment = tc.api.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'},
      spec: {replicas: 4, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}},
    }).object
    const rs = replicaSet(tc, 'web-1', 3, deployment)
    for (const n of ['a', 'b', 'c']) webPod(tc, n, rs)
    pdb(tc, 'web-pdb', {maxUnavailable: '30%'})
    tc.pass(new DisruptionController())
    // 30% of 4 is 1.2, rounded up to 2: desired 4 - 2 = 2
    expect(statusOf(tc)).to.include({expectedPods: 4, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1})
  })

  it('allows nothing with no pods, with a NoPods event and the InsufficientPods condition', () => {
    pdb(tc, 'web-pdb', {minAvailable: 0})
    tc.pass(new DisruptionController())
    expect(statusOf(tc)).to.include({expectedPods: 0, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0})
    expect(condition(statusOf(tc))).to.deep.equal(['DisruptionAllowed=False/InsufficientPods'])
    expect(tc.events('web-pdb')).to.deep.equal(['Normal NoPods No matching pods found'])
  })

  it('warns about unmanaged pods and fails safe (SyncFailed) when a pod\'s controller is gone', () => {
    webPod(tc, 'bare', undefined)
    pdb(tc, 'web-pdb', {maxUnavailable: 1})
    const c = new DisruptionController()
    tc.pass(c)
    expect(statusOf(tc)).to.include({expectedPods: 0, currentHealthy: 1, disruptionsAllowed: 0})
    expect(tc.events('web-pdb')).to.deep.equal([
      'Warning UnmanagedPods Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    ])
    const ghost = {kind: 'ReplicaSet', metadata: {name: 'gone', uid: '0000'}} as never
    webPod(tc, 'orphan', ghost)
    expect(() => tc.pass(c)).to.throw('found no controllers for pod "orphan"')
    expect(condition(statusOf(tc))).to.deep.equal(['DisruptionAllowed=False/SyncFailed: found no controllers for pod "orphan"'])
    expect(statusOf(tc).disruptionsAllowed).to.equal(0)
    expect(tc.events('web-pdb').at(-1)).to.equal('Warning CalculateExpectedPodCountFailed Failed to calculate the number of expected pods: found no controllers for pod "orphan"')
  })

  it('keeps an evicted pod out of the healthy count for two minutes, then drops its disruptedPods entry with a NotDeleted event', () => {
    const rs = replicaSet(tc, 'web-1', 3)
    for (const n of ['a', 'b', 'c']) webPod(tc, n, rs)
    pdb(tc, 'web-pdb', {minAvailable: 1})
    const c = new DisruptionController()
    tc.pass(c)
    expect(statusOf(tc).disruptionsAllowed).to.equal(2)
    // an eviction whose delete never happened: the budget entry alone (a dry run writes nothing, so write it by hand)
    const current = tc.api.get(podDisruptionBudgetType, 'default', 'web-pdb')
    tc.api.updateStatus({...current, status: {...(current.status as object), disruptionsAllowed: 1, disruptedPods: {a: '2026-07-01T10:00:00Z'}}})
    const r = tc.pass(c)
    expect(r.requeueAfterMs).to.equal(120_000)
    expect(statusOf(tc)).to.include({currentHealthy: 2, disruptionsAllowed: 1})
    expect(statusOf(tc).disruptedPods).to.deep.equal({a: '2026-07-01T10:00:00Z'})
    expect(tc.pass(c).writes).to.equal(0)
    tc.clock.advance(120_001)
    tc.pass(c)
    expect(statusOf(tc).disruptedPods).to.equal(undefined)
    expect(statusOf(tc)).to.include({currentHealthy: 3, disruptionsAllowed: 2})
    expect(tc.events('a')).to.deep.equal(["Warning NotDeleted Pod was expected by PDB default/default to be deleted but it wasn't"])
  })

  it('recounts after an eviction: the evicted pod is deleting and the budget is spent', () => {
    const rs = replicaSet(tc, 'web-1', 2)
    for (const n of ['a', 'b']) webPod(tc, n, rs)
    pdb(tc, 'web-pdb', {minAvailable: 1})
    const c = new DisruptionController()
    tc.pass(c)
    evictPod(tc.api, 'default', 'a')
    expect(statusOf(tc)).to.include({disruptionsAllowed: 0})
    tc.pass(c)
    expect(statusOf(tc)).to.include({currentHealthy: 1, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 2})
    // the pod is deleting: its entry is dropped at once
    expect(statusOf(tc).disruptedPods).to.equal(undefined)
    expect(condition(statusOf(tc))).to.deep.equal(['DisruptionAllowed=False/InsufficientPods'])
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('follows a spec change: observedGeneration catches up with the generation', () => {
    const rs = replicaSet(tc, 'web-1', 2)
    for (const n of ['a', 'b']) webPod(tc, n, rs)
    pdb(tc, 'web-pdb', {minAvailable: 2})
    const c = new DisruptionController()
    tc.pass(c)
    expect(statusOf(tc)).to.include({disruptionsAllowed: 0, observedGeneration: 1})
    tc.api.modify(podDisruptionBudgetType, 'default', 'web-pdb', (o) => void ((o.spec as Record<string, unknown>).minAvailable = 1))
    tc.clock.advance(5000)
    tc.pass(c)
    const s = statusOf(tc)
    expect(s).to.include({disruptionsAllowed: 1, observedGeneration: 2})
    expect(s.conditions[0]).to.include({status: 'True', reason: 'SufficientPods', observedGeneration: 2, lastTransitionTime: '2026-07-01T10:00:05Z'})
  })
})
