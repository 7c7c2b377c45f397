import {expect} from 'chai'

import {describeEvents} from '../../../src/printers/describe/index.js'
import {PrefixWriter} from '../../../src/printers/describe/prefix-writer.js'
import {NOW, ago, event} from '../fixtures.js'

const render = (events: ReturnType<typeof event>[]): string => {
  const w = new PrefixWriter()
  describeEvents(events, w, NOW)
  return w.toString()
}

describe('describe events', () => {
  it('prints <none> without events', () => {
    expect(render([])).to.equal('Events:  <none>\n')
  })

  it('sorts by last time and shows repeats, series, reporting controllers and field paths', () => {
    const killing = event('a', {involvedObject: {kind: 'Pod', name: 'w', fieldPath: 'spec.containers{web}'}, reason: 'Killing', message: 'Stopping container web',
      source: {component: 'kubelet', host: 'node-1'}, firstTimestamp: ago(3), lastTimestamp: ago(3)})
    const backoff = event('b', {type: 'Warning', involvedObject: {kind: 'Pod', name: 'w', fieldPath: 'spec.containers{web}'}, reason: 'BackOff',
      message: 'Back-off restarting failed container web in pod w_default(uid-w)\n', source: {component: 'kubelet'}, firstTimestamp: ago(40), lastTimestamp: ago(2), count: 4})
    const series = event('c', {type: 'Warning', involvedObject: {kind: 'Pod', name: 'w'}, reason: 'FailedScheduling', message: 'no nodes available to schedule pods',
      reportingComponent: 'default-scheduler', eventTime: '2026-07-01T11:58:00.000000Z', series: {count: 7, lastObservedTime: '2026-07-01T11:59:30.000000Z'}, count: undefined})
    expect(render([killing, backoff, series])).to.equal(
      'Events:\n' +
      '  Type     Reason            Age               From               Message\n' +
      '  ----     ------            ----              ----               -------\n' +
      '  Warning  FailedScheduling  30s (x7 over 2m)  default-scheduler  no nodes available to schedule pods\n' +
      '  Normal   Killing           3s                kubelet            spec.containers{web}: Stopping container web\n' +
      '  Warning  BackOff           2s (x4 over 40s)  kubelet            spec.containers{web}: Back-off restarting failed container web in pod w_default(uid-w)\n')
  })
})
