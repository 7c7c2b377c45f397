import {expect} from 'chai'

import {jobType} from '../../../src/api/kinds/job.js'
import {testCluster, type TestCluster} from '../helpers.js'
import {job, jobOf, phases, podsOf, runner} from './harness.js'

describe('job controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('runs one pod to completion: tracking finalizer, counters, SuccessCriteriaMet then Complete, events', () => {
    const created = tc.api.create(job('pi')).object
    const r = runner(tc)
    r.settle()
    const [pod] = podsOf(tc)
    expect(pod.metadata.generateName).to.equal('pi-')
    expect(pod.metadata.finalizers).to.deep.equal(['batch.kubernetes.io/job-tracking'])
    expect(pod.metadata.labels).to.include({'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': created.metadata.uid})
    expect(jobOf(tc, 'pi').status).to.deep.include({active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}})
    r.run(1)
    expect(jobOf(tc, 'pi').status).to.deep.include({active: 1, ready: 1})
    r.run(5)
    const st = jobOf(tc, 'pi').status as Record<string, unknown>
    const t = '2026-07-01T10:00:06Z'
    expect(st).to.deep.equal({
      completionTime: t,
      conditions: [
        {type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods'},
        {type: 'Complete', status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods'},
      ],
      ready: 0,
      startTime: '2026-07-01T10:00:00Z',
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    })
    expect(podsOf(tc)[0].metadata.finalizers).to.equal(undefined)
    expect(phases(tc)).to.deep.equal(['Succeeded'])
    expect(tc.events('pi')).to.deep.equal([`Normal SuccessfulCreate Created pod: ${pod.metadata.name}`, 'Normal Completed Job completed'])
    expect(tc.pass(r.jc).writes).to.equal(0)
  })
})

describe('job controller: counts and modes', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const st = (name: string) => jobOf(tc, name).status as Record<string, unknown>
  const conds = (name: string): string[] => ((st(name).conditions ?? []) as {type: string; status: string; reason: string}[]).map((c) => `${c.type}=${c.status}/${c.reason}`)

  it('runs at most parallelism pods until completions succeeded', () => {
    tc.api.create(job('batch', {completions: 3, parallelism: 2}, {runSeconds: 3}))
    const r = runner(tc)
    r.settle()
    expect(podsOf(tc)).to.have.length(2)
    r.run(4)
    expect(st('batch')).to.deep.include({active: 1, succeeded: 2})
    expect(podsOf(tc)).to.have.length(3)
    r.run(4)
    expect(st('batch')).to.deep.include({succeeded: 3})
    expect(st('batch').active).to.equal(undefined)
    expect(conds('batch')).to.deep.equal(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached'])
    expect(tc.pass(r.jc).writes).to.equal(0)
  })

  it('retries a failing pod after the back-off, then fails the Job past backoffLimit', () => {
    tc.api.create(job('fail', {backoffLimit: 1}, {runSeconds: 2, exitCode: 1}))
    const r = runner(tc)
    r.settle()
    r.run(3)
    // the first pod failed at ~2 s: the next one waits for the 10 s back-off
    expect(st('fail')).to.deep.include({failed: 1})
    expect(podsOf(tc)).to.have.length(1)
    r.run(9)
    expect(podsOf(tc)).to.have.length(1)
    r.run(2)
    expect(podsOf(tc)).to.have.length(2)
    r.run(4)
    expect(phases(tc)).to.deep.equal(['Failed', 'Failed'])
    expect(st('fail')).to.deep.include({failed: 2})
    expect(conds('fail')).to.deep.equal(['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded'])
    expect(st('fail').completionTime).to.equal(undefined)
    expect(tc.events('fail').slice(-1)).to.deep.equal(['Warning BackoffLimitExceeded Job has reached the specified backoff limit'])
    expect(podsOf(tc).every((p) => p.metadata.finalizers === undefined)).to.equal(true)
    expect(tc.pass(r.jc).writes).to.equal(0)
  })

  it('fails a Job active longer than activeDeadlineSeconds: its pod is deleted, then Failed once it is gone', () => {
    tc.api.create(job('slow', {activeDeadlineSeconds: 5}, {runSeconds: 100}))
    const r = runner(tc)
    r.settle()
    r.run(4)
    expect(conds('slow')).to.deep.equal([])
    r.run(2)
    expect(conds('slow')).to.deep.equal(['FailureTarget=True/DeadlineExceeded', 'Failed=True/DeadlineExceeded'])
    expect(podsOf(tc)).to.deep.equal([])
    expect(st('slow')).to.deep.include({failed: 1, terminating: 0})
    const events = tc.events('slow')
    expect(events[1]).to.match(/^Normal SuccessfulDelete Deleted pod: slow-/)
    expect(events.slice(-1)).to.deep.equal(['Warning DeadlineExceeded Job was active longer than specified deadline'])
  })

  it('gives Indexed pods their index: annotation, label, hostname, env; completedIndexes', () => {
    tc.api.create(job('idx', {completions: 3, parallelism: 3, completionMode: 'Indexed'}, {runSeconds: 2}))
    const r = runner(tc)
    r.settle()
    const pods = podsOf(tc).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    expect(pods.map((p) => p.metadata.generateName)).to.deep.equal(['idx-0-', 'idx-1-', 'idx-2-'])
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).to.deep.equal(['0', '1', '2'])
    expect(pods.map((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index'])).to.deep.equal(['0', '1', '2'])
    expect(pods.map((p) => (p.spec as {hostname?: string}).hostname)).to.deep.equal(['idx-0', 'idx-1', 'idx-2'])
    const env = (pods[0].spec as {containers: {env?: unknown[]}[]}).containers[0].env
    expect(env).to.deep.equal([{name: 'JOB_COMPLETION_INDEX', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']"}}}])
    r.run(3)
    expect(st('idx')).to.deep.include({completedIndexes: '0-2', succeeded: 3})
    expect(conds('idx')).to.deep.equal(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached'])
  })

  it('creates nothing while suspended; on resume starts the pods and the clock', () => {
    tc.api.create(job('later', {suspend: true}, {runSeconds: 2}))
    const r = runner(tc)
    r.settle()
    expect(podsOf(tc)).to.deep.equal([])
    expect(conds('later')).to.deep.equal(['Suspended=True/JobSuspended'])
    expect(st('later').startTime).to.equal(undefined)
    tc.clock.advance(10_000)
    tc.api.modify(jobType, 'default', 'later', (j) => {
      ;(j.spec as {suspend: boolean}).suspend = false
    })
    r.settle()
    expect(podsOf(tc)).to.have.length(1)
    expect(conds('later')).to.deep.equal(['Suspended=False/JobResumed'])
    expect(st('later').startTime).to.equal('2026-07-01T10:00:10Z')
    expect(tc.events('later')).to.deep.include.members(['Normal Suspended Job suspended', 'Normal Resumed Job resumed'])
  })
})

describe('job controller: backoffLimitPerIndex', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('retries each index on its own after its back-off, fails an index past the limit, then the Job', () => {
    tc.api.create(job('per', {completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimitPerIndex: 1}, {runSeconds: 2, exitCode: 3}))
    const r = runner(tc)
    r.settle()
    const annotations = () =>
      podsOf(tc)
        .map((p) => `${p.metadata.annotations!['batch.kubernetes.io/job-completion-index']}:${p.metadata.annotations!['batch.kubernetes.io/job-index-failure-count']}`)
        .sort()
    expect(annotations()).to.deep.equal(['0:0', '1:0'])
    r.run(3)
    // both first pods failed: each keeps its finalizer until its replacement runs, 10 s later
    expect(podsOf(tc).every((p) => p.metadata.finalizers?.includes('batch.kubernetes.io/job-tracking'))).to.equal(true)
    expect(jobOf(tc, 'per').status).to.deep.include({failedIndexes: ''})
    r.run(10)
    expect(annotations()).to.deep.equal(['0:0', '0:1', '1:0', '1:1'])
    r.run(4)
    const st = jobOf(tc, 'per').status as Record<string, unknown>
    expect(st).to.deep.include({failed: 4, failedIndexes: '0,1'})
    const conds = (st.conditions as {type: string; reason: string; message: string}[]).map((c) => `${c.type}/${c.reason}: ${c.message}`)
    expect(conds).to.deep.equal(['FailureTarget/FailedIndexes: Job has failed indexes', 'Failed/FailedIndexes: Job has failed indexes'])
    expect(podsOf(tc)).to.have.length(4)
    expect(tc.pass(r.jc).writes).to.equal(0)
  })
})

describe('job controller: successPolicy', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('completes an Indexed Job once a rule is met, before every index ran', () => {
    const successPolicy = {rules: [{succeededIndexes: '0'}]}
    tc.api.create(job('leader', {completions: 3, parallelism: 1, completionMode: 'Indexed', successPolicy}, {runSeconds: 2}))
    const r = runner(tc)
    r.settle()
    r.run(3)
    const st = jobOf(tc, 'leader').status as Record<string, unknown>
    expect(st).to.deep.include({succeeded: 1, completedIndexes: '0', completionTime: '2026-07-01T10:00:03Z'})
    const conds = (st.conditions as {type: string; reason: string; message: string}[]).map((c) => `${c.type}/${c.reason}: ${c.message}`)
    expect(conds).to.deep.equal(['SuccessCriteriaMet/SuccessPolicy: Matched rules at index 0', 'Complete/SuccessPolicy: Matched rules at index 0'])
    expect(podsOf(tc)).to.have.length(1)
    expect(tc.pass(r.jc).writes).to.equal(0)
  })
})
