import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import type {Controller} from '../../../src/controllers/types.js'

import {nodeType} from '../../../src/api/kinds/node.js'
import {KUBELET_STOPPED_ANNOTATION} from '../../../src/controllers/kubelet/heartbeat.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {JobController} from '../../../src/controllers/job/job.js'
import {NodeLifecycleController} from '../../../src/controllers/node-lifecycle.js'
import {PodGCController} from '../../../src/controllers/pod-gc.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {TaintEvictionController} from '../../../src/controllers/taint-eviction.js'
import {conditions, testCluster, type TestCluster} from '../helpers.js'
import {job, jobOf, podsOf} from './harness.js'

// the pod tolerates an unreachable node for 30 s (instead of the default 300 s)
const TOLERATE_30 = [{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30}]

function longJob(name: string, extra: Record<string, unknown> = {}): KObject {
  const j = job(name, {backoffLimit: 0, ...extra}, {runSeconds: 10_000})
  ;(j.spec as {template: {spec: Record<string, unknown>}}).template.spec.tolerations = TOLERATE_30
  return j
}

describe('job controller: a node fails under a Job pod', () => {
  let tc: TestCluster
  let controllers: Controller[]
  let jc: JobController
  beforeEach(() => {
    tc = testCluster()
    jc = new JobController()
    controllers = [jc, new Scheduler(), new Kubelet(), new NodeLifecycleController(), new TaintEvictionController(), new PodGCController()]
  })
  afterEach(() => tc.close())

  const run = (seconds: number): void => {
    for (let i = 0; i < seconds; i++) {
      tc.clock.advance(1000)
      tc.settle(...controllers)
    }
  }
  const stopNodeOf = (pod: KObject): string => {
    const node = (pod.spec as {nodeName: string}).nodeName
    tc.api.modify(nodeType, '', node, (n) => {
      n.metadata.annotations = {...n.metadata.annotations, [KUBELET_STOPPED_ANNOTATION]: 'true'}
    })
    return node
  }
  const status = (name: string) => jobOf(tc, name).status as {active?: number; failed?: number; terminating?: number; conditions?: unknown[]}

  it('counts an evicted pod as failed at once and replaces it on a healthy node', () => {
    tc.api.create(longJob('work', {backoffLimit: 1}))
    tc.settle(...controllers)
    run(2)
    const [first] = podsOf(tc)
    const dead = stopNodeOf(first)
    // NotReady after 50 s, evicted 30 s later: Terminating (its kubelet is gone), counted failed at once
    run(82)
    expect(status('work')).to.deep.include({failed: 1, terminating: 1})
    expect(podsOf(tc)).to.have.length(1)
    // replaced after the 10 s pod-failure back-off
    run(11)
    const pods = podsOf(tc)
    expect(pods).to.have.length(2)
    const old = pods.find((p) => p.metadata.uid === first.metadata.uid)!
    const fresh = pods.find((p) => p.metadata.uid !== first.metadata.uid)!
    expect(old.metadata.deletionTimestamp).to.be.a('string')
    expect(old.metadata.finalizers).to.equal(undefined)
    expect(conditions(old)).to.include('DisruptionTarget=True/DeletionByTaintManager')
    expect((fresh.spec as {nodeName: string}).nodeName).to.not.equal(dead)
    expect(conditions(fresh)).to.include('Ready=True')
    expect(status('work')).to.deep.include({active: 1, failed: 1, terminating: 1})
    expect(status('work').conditions).to.equal(undefined)
  })

  it('with podFailurePolicy Ignore on DisruptionTarget, a pod of a deleted node does not count', () => {
    const rules = [{action: 'Ignore', onPodConditions: [{type: 'DisruptionTarget'}]}]
    tc.api.create(longJob('careful', {podFailurePolicy: {rules}}))
    tc.settle(...controllers)
    run(2)
    const [first] = podsOf(tc)
    const dead = stopNodeOf(first)
    run(85)
    // podReplacementPolicy Failed: a Terminating pod is neither failed nor replaced
    expect(podsOf(tc)).to.have.length(1)
    expect(status('careful').active).to.equal(undefined)
    expect(status('careful').terminating).to.equal(1)
    // the node is removed: pod GC fails and force-deletes its pods after 40 s; Ignore: not counted
    tc.api.delete(nodeType, '', dead, {})
    run(45)
    const pods = podsOf(tc)
    expect(pods).to.have.length(1)
    expect(pods[0].metadata.uid).to.not.equal(first.metadata.uid)
    expect(status('careful').failed).to.equal(undefined)
    expect(status('careful')).to.deep.include({active: 1, terminating: 0})
    expect(status('careful').conditions).to.equal(undefined)
  })
})
