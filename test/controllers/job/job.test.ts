import {expect} from 'chai'

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
