import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {cronJobType} from '../../../src/api/kinds/cronjob.js'
import {lookupResource} from '../../../src/api/registry.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

const podTemplate = {spec: {restartPolicy: 'OnFailure', containers: [{name: 'hello', image: 'busybox:1.28'}]}}
function cronJob(spec: Record<string, unknown>, name = 'hello'): KObject {
  return {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name, namespace: 'default'}, spec: {schedule: '* * * * *', jobTemplate: {spec: {template: podTemplate}}, ...spec}}
}

describe('CronJob kind', () => {
  const {api, failure} = useKindApi(FIXED)

  it('resolves cronjobs, cronjob.batch and cj, in the all category', () => {
    expect(lookupResource('cronjobs.batch')?.kind).to.equal('CronJob')
    expect(lookupResource('cj')?.kind).to.equal('CronJob')
    expect(cronJobType.categories).to.deep.equal(['all'])
  })

  it('defaults as SetDefaults_CronJob; the job template gets pod defaults but no Job defaults', () => {
    const cj = api().create(cronJob({})).object
    const spec = cj.spec as Record<string, any>
    expect(spec).to.deep.include({concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1})
    expect(Object.keys(spec.jobTemplate.spec)).to.deep.equal(['template'])
    expect(spec.jobTemplate.spec.template.spec).to.deep.include({dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30})
    expect(cj.metadata.generation).to.equal(1)
    expect(cj.status).to.deep.equal({})
  })

  it('refuses bad schedules, TZ in the schedule and unknown zones with the API server\'s messages', () => {
    const a = api()
    expect(failure(() => a.create(cronJob({schedule: '*/5 * * *'})))).to.equal(
      'The CronJob "hello" is invalid: spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]',
    )
    expect(failure(() => a.create(cronJob({schedule: ''})))).to.equal('The CronJob "hello" is invalid: spec.schedule: Required value')
    expect(failure(() => a.create(cronJob({schedule: 'TZ=UTC 0 * * * *'})))).to.equal(
      'The CronJob "hello" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    )
    expect(failure(() => a.create(cronJob({timeZone: 'Mars/Olympus'})))).to.equal('The CronJob "hello" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus')
    expect(failure(() => a.create(cronJob({timeZone: 'Local'})))).to.equal(
      'The CronJob "hello" is invalid: spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    )
    expect(failure(() => a.create(cronJob({timeZone: ''})))).to.equal('The CronJob "hello" is invalid: spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string')
    expect(a.create(cronJob({schedule: '@every 1h', timeZone: 'Europe/Berlin'}, 'every')).object.spec).to.deep.include({timeZone: 'Europe/Berlin'})
  })

  it('refuses negative deadlines and limits, a bad policy, a job template selector and restartPolicy Always', () => {
    const text = failure(() =>
      api().create(cronJob({startingDeadlineSeconds: -1, concurrencyPolicy: 'Sometimes', successfulJobsHistoryLimit: -1, jobTemplate: {spec: {selector: {matchLabels: {a: 'b'}}, template: {spec: {containers: [{name: 'c', image: 'i'}], restartPolicy: 'Always'}}}}})),
    )
    expect(text).to.equal(
      'The CronJob "hello" is invalid: \n' +
        '* spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"\n' +
        '* spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n' +
        '* spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated\n' +
        '* spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    )
  })

  it('limits a new name to 52 characters, so that its Jobs\' names fit', () => {
    const name = 'a'.repeat(53)
    const a = api()
    expect(failure(() => a.create(cronJob({}, name)))).to.equal(`The CronJob "${name}" is invalid: metadata.name: Invalid value: "${name}": must be no more than 52 characters`)
    expect(a.create(cronJob({}, 'a'.repeat(52))).object.metadata.name).to.have.length(52)
  })

  it('bumps generation on spec changes, keeps the status on a spec update and the spec on a status update', () => {
    const a = api()
    const cj = a.create(cronJob({})).object
    const updated = a.update({...cj, spec: {...(cj.spec as object), suspend: true}, status: {lastScheduleTime: '2026-01-02T03:00:00Z'}})
    expect(updated.metadata.generation).to.equal(2)
    expect(updated.status).to.deep.equal({})
    const st = a.updateStatus({...updated, spec: {...(updated.spec as object), suspend: false}, status: {lastScheduleTime: '2026-01-02T03:00:00Z'}})
    expect(st.status).to.deep.equal({lastScheduleTime: '2026-01-02T03:00:00Z'})
    expect((st.spec as {suspend: boolean}).suspend).to.equal(true)
  })
})
