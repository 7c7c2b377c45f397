import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {jobType} from '../../../src/api/kinds/job.js'
import {nodeType} from '../../../src/api/kinds/node.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {KUBELET_STOPPED_ANNOTATION} from '../../../src/controllers/kubelet/heartbeat.js'
import {NodeLifecycleController} from '../../../src/controllers/node-lifecycle.js'
import {PodGCController} from '../../../src/controllers/pod-gc.js'
import {TaintEvictionController} from '../../../src/controllers/taint-eviction.js'
import {testCluster, type TestCluster} from '../helpers.js'
import {activeNames, cronJob, cronJobOf, cronRunner, jobAt} from './harness.js'

// the pod tolerates an unreachable node for 30 s (instead of the default 300 s)
const TOLERATE_30 = [{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30}]

describe('cronjob controller: a node fails under a CronJob\'s Job pod', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const nodeOf = (pod: KObject): string => (pod.spec as {nodeName: string}).nodeName
  const podsOfJob = (job: string): KObject[] => tc.api.list(podType, 'default').items.filter((p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === job)

  const conditionTypes = (name: string): string[] =>
    ((tc.api.get(jobType, 'default', name).status as {conditions?: {type: string; status: string}[]}).conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type)

  it('the evicted pod fails the Job only once it is gone: until the dead node is removed the Job stays active, and the next schedule still runs', () => {
    tc.api.create(cronJob('nightly', '*/5 * * * *', {}, {runSeconds: 10_000, podSpec: {tolerations: TOLERATE_30}}))
    const r = cronRunner(tc, [new NodeLifecycleController(), new TaintEvictionController(), new PodGCController()])
    r.settle()
    r.run(302)
    const first = jobAt('nightly', '2026-07-01T10:05:00Z')
    expect(activeNames(tc, 'nightly')).to.deep.equal([first])
    const dead = nodeOf(podsOfJob(first)[0])
    tc.api.modify(nodeType, '', dead, (n) => {
      n.metadata.annotations = {...n.metadata.annotations, [KUBELET_STOPPED_ANNOTATION]: 'true'}
    })
    // NotReady after 50 s, evicted 30 s later: the pod counts as failed (backoffLimit 0: FailureTarget),
    // but it stays Terminating on the dead node, so the Job is not Failed and the CronJob keeps it active
    r.run(90)
    expect(conditionTypes(first)).to.deep.equal(['FailureTarget'])
    expect(activeNames(tc, 'nightly')).to.deep.equal([first])
    // 10:10 (Allow): the next Job's pod lands on a node that still heartbeats
    r.run(210)
    const second = jobAt('nightly', '2026-07-01T10:10:00Z')
    expect(activeNames(tc, 'nightly')).to.deep.equal([first, second])
    const [next] = podsOfJob(second)
    expect(nodeOf(next)).to.not.equal(dead)
    expect((next.status as {phase: string}).phase).to.equal('Running')
    // the node is removed: pod GC force-deletes its pods after 40 s, the Job fails, the CronJob sees it
    tc.api.delete(nodeType, '', dead, {})
    r.run(45)
    expect(conditionTypes(first)).to.deep.equal(['FailureTarget', 'Failed'])
    expect(activeNames(tc, 'nightly')).to.deep.equal([second])
    expect(tc.events('nightly')).to.deep.equal([
      `Normal SuccessfulCreate Created job ${first}`,
      `Normal SuccessfulCreate Created job ${second}`,
      `Normal SawCompletedJob Saw completed job: ${first}, status: Failed`,
    ])
    // the failed Job stays: failedJobsHistoryLimit is 1
    expect(tc.api.list(jobType, 'default').items.map((j) => j.metadata.name).sort()).to.deep.equal([first, second])
    expect(cronJobOf(tc, 'nightly').status).to.not.have.property('lastSuccessfulTime')
  })
})
