import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {renderTable} from '../../../src/printers/table/index.js'
import {describerFor} from '../../../src/printers/describe/index.js'
import {NOW, ago, event} from '../fixtures.js'

function cronJobObj(name: string, spec: Record<string, unknown>, status: Record<string, unknown>): KObject {
  const template = {spec: {template: {spec: {restartPolicy: 'OnFailure', containers: [{name: 'hello', image: 'busybox:1.28', command: ['date']}]}}}}
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name, namespace: 'default', creationTimestamp: ago(3600)},
    spec: {schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: template, ...spec},
    status,
  }
}

const running = cronJobObj('hello', {}, {lastScheduleTime: ago(120), active: [{kind: 'Job', namespace: 'default', name: 'hello-29715000', apiVersion: 'batch/v1'}, {kind: 'Job', namespace: 'default', name: 'hello-29714995', apiVersion: 'batch/v1'}]})
const berlin = cronJobObj('nightly', {schedule: '30 2 * * *', timeZone: 'Europe/Berlin', suspend: true, startingDeadlineSeconds: 300}, {})

describe('cronjob table and describe', () => {
  it('prints SCHEDULE, TIMEZONE, SUSPEND, ACTIVE and LAST SCHEDULE, and with -o wide the template\'s containers and <none> selector', () => {
    expect(renderTable([running, berlin], {now: NOW})).to.equal(
      'NAME      SCHEDULE      TIMEZONE        SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
        'hello     */5 * * * *   <none>          False     2        2m              60m\n' +
        'nightly   30 2 * * *    Europe/Berlin   True      0        <none>          60m\n',
    )
    expect(renderTable([running], {now: NOW, wide: true})).to.equal(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR\n' +
        'hello   */5 * * * *   <none>     False     2        2m              60m   hello        busybox:1.28   <none>\n',
    )
  })

  it('describes the schedule, policies, limits, job template, last schedule time, active Jobs and events', () => {
    const created = event('hello.1', {involvedObject: {kind: 'CronJob', name: 'hello', namespace: 'default'}, reason: 'SuccessfulCreate', message: 'Created job hello-29715000', source: {component: 'cronjob-controller'}, firstTimestamp: ago(120), lastTimestamp: ago(120)})
    expect(describerFor('CronJob')!(running, {now: NOW, events: [created]} as never)).to.equal(
      'Name:                          hello\n' +
        'Namespace:                     default\n' +
        'Labels:                        <none>\n' +
        'Annotations:                   <none>\n' +
        'Schedule:                      */5 * * * *\n' +
        'Concurrency Policy:            Allow\n' +
        'Suspend:                       False\n' +
        'Successful Job History Limit:  3\n' +
        'Failed Job History Limit:      1\n' +
        'Starting Deadline Seconds:     <unset>\n' +
        'Selector:                      <unset>\n' +
        'Parallelism:                   <unset>\n' +
        'Completions:                   <unset>\n' +
        'Pod Template:\n' +
        '  Labels:  <none>\n' +
        '  Containers:\n' +
        '   hello:\n' +
        '    Image:      busybox:1.28\n' +
        '    Port:       <none>\n' +
        '    Host Port:  <none>\n' +
        '    Command:\n' +
        '      date\n' +
        '    Environment:     <none>\n' +
        '    Mounts:          <none>\n' +
        '  Volumes:           <none>\n' +
        '  Node-Selectors:    <none>\n' +
        '  Tolerations:       <none>\n' +
        `Last Schedule Time:  ${new Date(Date.parse(ago(120))).toUTCString().replace('GMT', '+0000')}\n` +
        'Active Jobs:         hello-29715000, hello-29714995\n' +
        'Events:\n' +
        '  Type    Reason            Age   From                Message\n' +
        '  ----    ------            ----  ----                -------\n' +
        '  Normal  SuccessfulCreate  2m    cronjob-controller  Created job hello-29715000\n',
    )
    const out = describerFor('CronJob')!(berlin, {now: NOW, events: []} as never)
    expect(out).to.include('Suspend:                       True\n')
    expect(out).to.include('Starting Deadline Seconds:     300s\n')
    expect(out).to.include('Last Schedule Time:  <unset>\nActive Jobs:         <none>\nEvents:              <none>\n')
  })
})
