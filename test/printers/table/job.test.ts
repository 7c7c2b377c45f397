import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {renderTable} from '../../../src/printers/table/index.js'
import {capIndexes} from '../../../src/printers/describe/job.js'
import {NOW} from '../fixtures.js'

const ago = (s: number): string => new Date(NOW.getTime() - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

function jobObj(name: string, spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject {
  const template = {spec: {containers: [{name: 'pi', image: 'perl:5.34.0'}]}}
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, namespace: 'default', creationTimestamp: ago(600), ...meta},
    spec: {selector: {matchLabels: {'batch.kubernetes.io/controller-uid': 'u1'}}, template, ...spec},
    status,
  }
}
const cond = (type: string) => ({type, status: 'True'})

describe('job table', () => {
  it('prints STATUS from the conditions, COMPLETIONS per mode and DURATION to completion or to now', () => {
    const jobs = [
      jobObj('done', {completions: 3, parallelism: 2}, {succeeded: 3, startTime: ago(600), completionTime: ago(540), conditions: [cond('SuccessCriteriaMet'), cond('Complete')]}),
      jobObj('queue', {parallelism: 3}, {succeeded: 1, startTime: ago(90)}),
      jobObj('single', {parallelism: 1}, {}),
      jobObj('failing', {completions: 1}, {startTime: ago(30), conditions: [cond('FailureTarget')]}),
      jobObj('paused', {completions: 2}, {conditions: [cond('Suspended')]}),
      jobObj('going', {completions: 2}, {startTime: ago(5)}, {deletionTimestamp: ago(1)}),
      jobObj('broken', {completions: 1}, {failed: 7, startTime: ago(300), conditions: [cond('FailureTarget'), cond('Failed')]}),
    ]
    expect(renderTable(jobs, {now: NOW})).to.equal(
      [
        'NAME      STATUS          COMPLETIONS   DURATION   AGE',
        'done      Complete        3/3           60s        10m',
        'queue     Running         1/1 of 3      90s        10m',
        'single    Running         0/1                      10m',
        'failing   FailureTarget   0/1           30s        10m',
        'paused    Suspended       0/2                      10m',
        'going     Terminating     0/2           5s         10m',
        'broken    Failed          0/1           5m         10m',
        '',
      ].join('\n'),
    )
  })

  it('adds containers, images and the selector with -o wide', () => {
    expect(renderTable([jobObj('pi', {completions: 1}, {})], {now: NOW, wide: true})).to.equal(
      'NAME   STATUS    COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES        SELECTOR\n' +
        'pi     Running   0/1                      10m   pi           perl:5.34.0   batch.kubernetes.io/controller-uid=u1\n',
    )
  })

  it('describe caps a long completed-index list after the first comma past 50 characters', () => {
    expect(capIndexes('')).to.equal('<none>')
    expect(capIndexes('0-9')).to.equal('0-9')
    const long = Array.from({length: 40}, (_, i) => String(i * 2)).join(',')
    expect(capIndexes(long)).to.equal(`${long.slice(0, long.indexOf(',', 50) + 1)}...`)
  })
})
