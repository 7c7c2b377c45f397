import {expect} from 'chai'

import type {StatusError} from '../../src/api/errors.js'
import type {KObject} from '../../src/api/types.js'

import {filterPodsWithPdbViolation} from '../../src/api/disruption-budgets.js'
import {evictPod} from '../../src/api/eviction.js'
import {podDisruptionBudgetType} from '../../src/api/kinds/poddisruptionbudget.js'
import {testCluster, type TestCluster} from '../controllers/helpers.js'
import {pdb, replicaSet, webPod} from '../controllers/disruption/fixtures.js'

/** A PDB whose status says what the controller would have written. */
function budget(tc: TestCluster, name: string, status: Record<string, unknown>, spec: Record<string, unknown> = {minAvailable: 1}): KObject {
  const created = pdb(tc, name, spec)
  return tc.api.updateStatus({...created, status: {currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, observedGeneration: 1, ...status}})
}

function refusal(fn: () => void): StatusError {
  try {
    fn()
  } catch (error) {
    return error as StatusError
  }
  throw new Error('expected the eviction to be refused')
}

const deleting = (tc: TestCluster, name: string): boolean => Boolean(tc.get(name)?.metadata.deletionTimestamp)
const pdbStatus = (tc: TestCluster, name = 'web-pdb') => tc.api.get(podDisruptionBudgetType, 'default', name).status as Record<string, any>

describe('the Eviction API (api/eviction.ts)', () => {
  let tc: TestCluster
  let rs: KObject
  beforeEach(() => {
    tc = testCluster()
    rs = replicaSet(tc, 'web-1', 2)
  })
  afterEach(() => tc.close())

  it('evicts a pod no budget guards: the DisruptionTarget condition, then a graceful delete', () => {
    webPod(tc, 'a', rs)
    evictPod(tc.api, 'default', 'a', {gracePeriodSeconds: 10})
    const pod = tc.get('a')!
    expect(pod.metadata.deletionGracePeriodSeconds).to.equal(10)
    const conditions = (pod.status as {conditions: Record<string, unknown>[]}).conditions
    expect(conditions.find((c) => c.type === 'DisruptionTarget')).to.deep.equal({
      type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-07-01T10:00:00Z', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting',
    })
  })

  it('refuses with 429 and the budget\'s numbers when no disruption is allowed, changing nothing', () => {
    webPod(tc, 'a', rs)
    budget(tc, 'web-pdb', {disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1})
    const before = tc.api.store.revision()
    const e = refusal(() => evictPod(tc.api, 'default', 'a'))
    expect(e.toStatus()).to.deep.equal({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 429, reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: {causes: [{reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 1 healthy pods and has 1 currently'}]},
    })
    expect(tc.api.store.revision()).to.equal(before)
  })

  it('takes one disruption from the budget and records the pod in disruptedPods with the delete', () => {
    webPod(tc, 'a', rs)
    budget(tc, 'web-pdb', {disruptionsAllowed: 1, conditions: [{type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1, lastTransitionTime: '2026-07-01T09:00:00Z'}]})
    evictPod(tc.api, 'default', 'a')
    expect(deleting(tc, 'a')).to.equal(true)
    const s = pdbStatus(tc)
    expect(s.disruptionsAllowed).to.equal(0)
    expect(s.disruptedPods).to.deep.equal({a: '2026-07-01T10:00:00Z'})
    expect(s.conditions).to.deep.equal([{type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: 1, lastTransitionTime: '2026-07-01T10:00:00Z'}])
  })

  it('answers 500 for a pod two budgets guard', () => {
    webPod(tc, 'a', rs)
    budget(tc, 'one', {disruptionsAllowed: 1})
    budget(tc, 'two', {disruptionsAllowed: 1})
    const e = refusal(() => evictPod(tc.api, 'default', 'a'))
    expect([e.code, e.reason, e.message]).to.deep.equal([500, '', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'])
    expect(deleting(tc, 'a')).to.equal(false)
  })

  it('refuses while the budget\'s status lags behind its spec (429 with retry after 10 s)', () => {
    webPod(tc, 'a', rs)
    budget(tc, 'web-pdb', {disruptionsAllowed: 1, observedGeneration: 0})
    const e = refusal(() => evictPod(tc.api, 'default', 'a'))
    expect(e.details).to.deep.equal({causes: [{reason: 'DisruptionBudget', message: 'The disruption budget web-pdb is still being processed by the server.'}], retryAfterSeconds: 10})
  })

  it('lets an unready pod go without spending the budget when the budget is met, and under AlwaysAllow', () => {
    webPod(tc, 'a', rs, false)
    budget(tc, 'web-pdb', {disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1})
    evictPod(tc.api, 'default', 'a')
    expect(deleting(tc, 'a')).to.equal(true)
    expect(pdbStatus(tc).disruptionsAllowed).to.equal(0)
    expect(pdbStatus(tc).disruptedPods).to.equal(undefined)
  })

  it('refuses an unready pod under IfHealthyBudget when the budget is not met, and evicts it under AlwaysAllow', () => {
    webPod(tc, 'a', rs, false)
    budget(tc, 'web-pdb', {disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1}, {minAvailable: 1, unhealthyPodEvictionPolicy: 'IfHealthyBudget'})
    expect(refusal(() => evictPod(tc.api, 'default', 'a')).code).to.equal(429)
    tc.api.modify(podDisruptionBudgetType, 'default', 'web-pdb', (o) => void ((o.spec as Record<string, unknown>).unhealthyPodEvictionPolicy = 'AlwaysAllow'))
    evictPod(tc.api, 'default', 'a')
    expect(deleting(tc, 'a')).to.equal(true)
  })

  it('deletes a Pending pod without consulting the budget', () => {
    tc.pod('p', {containers: [{name: 'web', image: 'nginx'}]}, {labels: {app: 'web'}})
    budget(tc, 'web-pdb', {disruptionsAllowed: 0})
    evictPod(tc.api, 'default', 'p')
    expect(deleting(tc, 'p') || tc.get('p') === undefined).to.equal(true)
  })

  it('changes nothing on a dry run, and checks the preconditions', () => {
    webPod(tc, 'a', rs)
    budget(tc, 'web-pdb', {disruptionsAllowed: 1})
    const before = tc.api.store.revision()
    evictPod(tc.api, 'default', 'a', {dryRun: true})
    expect(tc.api.store.revision()).to.equal(before)
    const e = refusal(() => evictPod(tc.api, 'default', 'a', {preconditions: {uid: 'other'}}))
    expect(e.message).to.equal(`Operation cannot be fulfilled on Pod "a": the UID in the precondition (other) does not match the UID in record (${tc.get('a')!.metadata.uid}). The object might have been deleted and then recreated`)
    expect(() => evictPod(tc.api, 'default', 'nope')).to.throw('pods "nope" not found')
  })
})

describe('filterPodsWithPdbViolation', () => {
  const pod = (name: string, labels?: Record<string, string>) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', labels}})
  const budgetOf = (allowed: number, disruptedPods?: Record<string, string>, selector: unknown = {matchLabels: {app: 'web'}}) =>
    ({apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name: 'b', namespace: 'default'}, spec: {selector}, status: {disruptionsAllowed: allowed, disruptedPods}}) as KObject

  it('charges pods in order against the budget; those past it violate', () => {
    const pods = [pod('a', {app: 'web'}), pod('b', {app: 'web'}), pod('c', {app: 'db'}), pod('d')]
    const {violating, nonViolating} = filterPodsWithPdbViolation(pods, [budgetOf(1)])
    expect(violating.map((p) => p.metadata.name)).to.deep.equal(['b'])
    expect(nonViolating.map((p) => p.metadata.name)).to.deep.equal(['a', 'c', 'd'])
  })

  it('does not charge a pod the API server already counted, and an empty selector guards nothing', () => {
    const pods = [pod('a', {app: 'web'}), pod('b', {app: 'web'})]
    expect(filterPodsWithPdbViolation(pods, [budgetOf(0, {a: '2026-07-01T10:00:00Z'})]).violating.map((p) => p.metadata.name)).to.deep.equal(['b'])
    expect(filterPodsWithPdbViolation(pods, [budgetOf(0, undefined, {})]).violating).to.deep.equal([])
  })
})
