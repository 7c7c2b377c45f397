import {expect} from 'chai'

import {cronJobType} from '../../../src/api/kinds/cronjob.js'
import {jobType} from '../../../src/api/kinds/job.js'
import {testCluster, type TestCluster} from '../helpers.js'
import {activeNames, cronJob, cronJobOf, cronRunner, jobAt, jobNames} from './harness.js'

// T0 is 2026-07-01T10:00:00Z
describe('cronjob controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('creates the Job of each schedule time, named by its minute, and waits for the next one', () => {
    tc.api.create(cronJob('hello', '*/1 * * * *', {}, {runSeconds: 1000}))
    const r = cronRunner(tc)
    const first = tc.pass(r.cc)
    expect(first).to.deep.include({writes: 0, requeueAfterMs: 60_100})
    tc.clock.advance(60_000)
    expect(tc.pass(r.cc).requeueAfterMs).to.equal(60_100)
    const name = jobAt('hello', '2026-07-01T10:01:00Z')
    expect(name).to.equal('hello-29715001')
    const job = tc.api.get(jobType, 'default', name)
    expect(job.metadata.annotations).to.deep.equal({'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-07-01T10:01:00Z'})
    expect(job.metadata.labels).to.deep.include({app: 'hello'})
    const cj = cronJobOf(tc, 'hello')
    expect(job.metadata.ownerReferences).to.deep.equal([{apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true}])
    expect(cj.status).to.deep.include({lastScheduleTime: '2026-07-01T10:01:00Z'})
    expect((cj.status as {active: unknown[]}).active).to.deep.equal([
      {kind: 'Job', namespace: 'default', name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion},
    ])
    expect(tc.events('hello')).to.deep.equal([`Normal SuccessfulCreate Created job ${name}`])
    // one more pass writes nothing
    expect(tc.pass(r.cc)).to.deep.include({writes: 0, requeueAfterMs: 60_100})
    tc.clock.advance(30_000)
    expect(tc.pass(r.cc)).to.deep.include({writes: 0, requeueAfterMs: 30_100})
  })

  it('sees its Jobs complete: SawCompletedJob, lastSuccessfulTime, and only successfulJobsHistoryLimit of them kept', () => {
    tc.api.create(cronJob('tick', '* * * * *', {successfulJobsHistoryLimit: 1}, {runSeconds: 2}))
    const r = cronRunner(tc)
    r.settle()
    r.run(65)
    const first = jobAt('tick', '2026-07-01T10:01:00Z')
    expect(jobNames(tc)).to.deep.equal([first])
    expect(activeNames(tc, 'tick')).to.deep.equal([])
    expect(cronJobOf(tc, 'tick').status).to.deep.include({lastScheduleTime: '2026-07-01T10:01:00Z', lastSuccessfulTime: '2026-07-01T10:01:03Z'})
    r.run(60)
    const second = jobAt('tick', '2026-07-01T10:02:00Z')
    expect(jobNames(tc)).to.deep.equal([second])
    expect(cronJobOf(tc, 'tick').status).to.deep.include({lastSuccessfulTime: '2026-07-01T10:02:03Z'})
    expect(tc.events('tick')).to.deep.equal([
      `Normal SuccessfulCreate Created job ${first}`,
      `Normal SawCompletedJob Saw completed job: ${first}, status: Complete`,
      `Normal SuccessfulCreate Created job ${second}`,
      // the history cleanup runs before the sync of the same pass
      `Normal SuccessfulDelete Deleted job ${first}`,
      `Normal SawCompletedJob Saw completed job: ${second}, status: Complete`,
    ])
    expect(tc.pass(r.cc).writes).to.equal(0)
  })

  it('keeps failedJobsHistoryLimit failed Jobs (a Job the cleanup deletes is not seen completed)', () => {
    tc.api.create(cronJob('oops', '* * * * *', {failedJobsHistoryLimit: 0}, {runSeconds: 1, exitCode: 1}))
    const r = cronRunner(tc)
    r.settle()
    r.run(65)
    expect(jobNames(tc)).to.deep.equal([])
    expect(tc.events('oops')).to.deep.equal([
      `Normal SuccessfulCreate Created job ${jobAt('oops', '2026-07-01T10:01:00Z')}`,
      `Normal SuccessfulDelete Deleted job ${jobAt('oops', '2026-07-01T10:01:00Z')}`,
    ])
    expect(cronJobOf(tc, 'oops').status).to.not.have.property('lastSuccessfulTime')
  })

  it('Forbid: skips a schedule while a Job runs (JobAlreadyActive); Allow runs them side by side', () => {
    tc.api.create(cronJob('solo', '* * * * *', {concurrencyPolicy: 'Forbid'}, {runSeconds: 1000}))
    tc.api.create(cronJob('many', '* * * * *', {}, {runSeconds: 1000}))
    const r = cronRunner(tc)
    r.settle()
    r.run(121)
    expect(activeNames(tc, 'solo')).to.deep.equal([jobAt('solo', '2026-07-01T10:01:00Z')])
    expect(activeNames(tc, 'many')).to.deep.equal([jobAt('many', '2026-07-01T10:01:00Z'), jobAt('many', '2026-07-01T10:02:00Z')])
    const events = tc.events('solo')
    expect(events[0]).to.equal(`Normal SuccessfulCreate Created job ${jobAt('solo', '2026-07-01T10:01:00Z')}`)
    expect(events.slice(1)).to.have.length(1)
    expect(events[1]).to.match(/^Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid( \(x\d+\))?$/)
  })

  it('Replace: deletes the running Job and starts the new one', () => {
    tc.api.create(cronJob('swap', '* * * * *', {concurrencyPolicy: 'Replace'}, {runSeconds: 1000}))
    const r = cronRunner(tc)
    r.settle()
    r.run(121)
    const [a, b] = [jobAt('swap', '2026-07-01T10:01:00Z'), jobAt('swap', '2026-07-01T10:02:00Z')]
    expect(activeNames(tc, 'swap')).to.deep.equal([b])
    expect(jobNames(tc)).to.deep.equal([b])
    expect(tc.events('swap')).to.deep.equal([`Normal SuccessfulCreate Created job ${a}`, `Normal SuccessfulDelete Deleted job ${a}`, `Normal SuccessfulCreate Created job ${b}`])
  })

  it('suspend: creates nothing and sets no timer; resumed, it catches up with the most recent time', () => {
    const cj = tc.api.create(cronJob('paused', '*/5 * * * *', {suspend: true})).object
    const r = cronRunner(tc)
    expect(tc.pass(r.cc)).to.deep.include({writes: 0})
    expect(tc.pass(r.cc).requeueAfterMs).to.equal(undefined)
    tc.clock.advance(11 * 60_000)
    expect(tc.pass(r.cc).writes).to.equal(0)
    tc.api.update({...tc.api.get(cronJobType, 'default', 'paused'), spec: {...(cj.spec as object), suspend: false}})
    tc.pass(r.cc)
    expect(jobNames(tc)).to.deep.equal([jobAt('paused', '2026-07-01T10:10:00Z')])
  })

  it('startingDeadlineSeconds: a schedule time missed by more than the deadline is skipped', () => {
    tc.api.create(cronJob('late', '*/5 * * * *', {startingDeadlineSeconds: 10}))
    const r = cronRunner(tc)
    tc.clock.advance(5 * 60_000 + 30_000)
    const res = tc.pass(r.cc)
    // the deadline moves the earliest time considered to now - 10 s: 10:05 is not even an unmet time
    expect(jobNames(tc)).to.deep.equal([])
    expect(tc.events('late')).to.deep.equal([])
    expect(res).to.deep.include({writes: 0, requeueAfterMs: 4 * 60_000 + 30_100})
    tc.clock.advance(4 * 60_000 + 35_000)
    tc.pass(r.cc)
    expect(jobNames(tc)).to.deep.equal([jobAt('late', '2026-07-01T10:10:00Z')])
  })

  it('more than 100 missed times: TooManyMissedTimes, and the most recent one still runs', () => {
    tc.api.create(cronJob('behind', '* * * * *'))
    const r = cronRunner(tc)
    tc.clock.advance(150 * 60_000 + 20_000)
    tc.pass(r.cc)
    expect(jobNames(tc)).to.deep.equal([jobAt('behind', '2026-07-01T12:30:00Z')])
    expect(tc.events('behind')).to.deep.equal([
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `Normal SuccessfulCreate Created job ${jobAt('behind', '2026-07-01T12:30:00Z')}`,
    ])
  })

  it('runs in spec.timeZone and stamps the scheduled time in that zone', () => {
    tc.api.create(cronJob('india', '0 16 * * *', {timeZone: 'Asia/Kolkata'}))
    const r = cronRunner(tc)
    // 16:00 in Kolkata is 10:30 UTC
    expect(tc.pass(r.cc).requeueAfterMs).to.equal(30 * 60_000 + 100)
    tc.clock.advance(30 * 60_000)
    tc.pass(r.cc)
    const name = jobAt('india', '2026-07-01T10:30:00Z')
    expect(tc.api.get(jobType, 'default', name).metadata.annotations).to.deep.equal({'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-07-01T16:00:00+05:30'})
  })

  it('drops a deleted Job from status.active (MissingJob) and warns of a Job it did not create (UnexpectedJob)', () => {
    tc.api.create(cronJob('watch', '* * * * *', {}, {runSeconds: 1000}))
    const r = cronRunner(tc)
    tc.clock.advance(60_000)
    tc.pass(r.cc)
    const name = jobAt('watch', '2026-07-01T10:01:00Z')
    tc.api.delete(jobType, 'default', name, {propagationPolicy: 'Background'})
    tc.pass(r.cc)
    expect(activeNames(tc, 'watch')).to.deep.equal([])
    const cj = cronJobOf(tc, 'watch')
    const manual = {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'manual', namespace: 'default', ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'watch', uid: cj.metadata.uid, controller: true}]}, spec: (cj.spec as {jobTemplate: {spec: unknown}}).jobTemplate.spec}
    tc.api.create(manual as never)
    tc.pass(r.cc)
    expect(tc.events('watch')).to.deep.equal([
      `Normal SuccessfulCreate Created job ${name}`,
      `Normal MissingJob Active job went missing: ${name}`,
      'Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual',
    ])
  })
})
