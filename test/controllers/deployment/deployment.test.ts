import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {deploymentType} from '../../../src/api/kinds/deployment.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {replicaSetType} from '../../../src/api/kinds/replicaset.js'
import {DeploymentController} from '../../../src/controllers/deployment/deployment.js'
import {podTemplateHash} from '../../../src/controllers/deployment/util.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {ReplicaSetController} from '../../../src/controllers/deployment/replicaset.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

function deployment(name: string, replicas: number, image = 'nginx:1.27', strategy?: Record<string, unknown>): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: 'default', labels: {app: name}},
    spec: {replicas, selector: {matchLabels: {app: name}}, ...(strategy ? {strategy} : {}), template: {metadata: {labels: {app: name}, annotations: FAST}, spec: {containers: [{name: 'web', image}]}}},
  }
}

const conds = (o: KObject | undefined): string[] =>
  ((o?.status as {conditions?: {type: string; status: string; reason: string; message: string}[]})?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)

describe('deployment controller', () => {
  let tc: TestCluster
  const cs = () => [new DeploymentController(), new ReplicaSetController(), new Scheduler(), new Kubelet()]
  let controllers: ReturnType<typeof cs>
  beforeEach(() => {
    tc = testCluster()
    controllers = cs()
  })
  afterEach(() => tc.close())

  /** runs the controllers until nothing changes, moving the clock on between rounds */
  function run(rounds = 6): void {
    for (let i = 0; i < rounds; i++) {
      tc.settle(...controllers)
      tc.clock.advance(1000)
    }
    tc.settle(...controllers)
  }

  const rsList = () => tc.api.list(replicaSetType, 'default').items
  const dep = (name = 'web') => tc.api.get(deploymentType, 'default', name)

  it('hashes templates into 1-10 characters of the name alphabet', () => {
    const h = podTemplateHash({metadata: {labels: {app: 'web'}}})
    expect(h).to.match(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(podTemplateHash({metadata: {labels: {app: 'web'}}})).to.equal(h)
    expect(podTemplateHash({metadata: {labels: {app: 'web'}}}, 1)).to.not.equal(h)
  })

  it('creates a ReplicaSet named after the template hash and rolls out to Available with kubectl messages', () => {
    tc.api.create(deployment('web', 3))
    run()
    const [rs] = rsList()
    expect(rsList()).to.have.length(1)
    const hash = rs.metadata.labels!['pod-template-hash']
    expect(rs.metadata.name).to.equal(`web-${hash}`)
    expect((rs.spec as {selector: unknown}).selector).to.deep.equal({matchLabels: {app: 'web', 'pod-template-hash': hash}})
    expect(rs.metadata.annotations).to.deep.equal({'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1'})
    expect(dep().metadata.annotations).to.deep.equal({'deployment.kubernetes.io/revision': '1'})
    const pods = tc.api.list(podType, 'default').items
    expect(pods).to.have.length(3)
    for (const p of pods) expect(p.metadata.name).to.match(new RegExp(`^web-${hash}-[a-z0-9]{5}$`))
    const st = dep().status as Record<string, unknown>
    expect([st.replicas, st.updatedReplicas, st.readyReplicas, st.availableReplicas, st.unavailableReplicas, st.observedGeneration]).to.deep.equal([3, 3, 3, 3, undefined, 1])
    expect(conds(dep())).to.deep.equal([
      'Available=True MinimumReplicasAvailable: Deployment has minimum availability.',
      `Progressing=True NewReplicaSetAvailable: ReplicaSet "web-${hash}" has successfully progressed.`,
    ])
    expect(tc.events('web')).to.deep.equal([`Normal ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`])
    for (const c of controllers) expect(tc.pass(c).writes).to.equal(0)
  })

  it('rolls a new template out: a second ReplicaSet grows as the first shrinks, within maxSurge and maxUnavailable', () => {
    tc.api.create(deployment('web', 4))
    run()
    const [first] = rsList()
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as any).template.spec.containers[0].image = 'nginx:1.28'
    })
    run(12)
    const sets = rsList()
    expect(sets).to.have.length(2)
    const second = sets.find((s) => s.metadata.uid !== first.metadata.uid)!
    expect((second.spec as {replicas: number}).replicas).to.equal(4)
    expect((tc.api.get(replicaSetType, 'default', first.metadata.name!).spec as {replicas: number}).replicas).to.equal(0)
    expect(second.metadata.annotations?.['deployment.kubernetes.io/revision']).to.equal('2')
    expect(dep().metadata.annotations?.['deployment.kubernetes.io/revision']).to.equal('2')
    const events = tc.events('web')
    expect(events[0]).to.equal(`Normal ScalingReplicaSet Scaled up replica set ${first.metadata.name} from 0 to 4`)
    expect(events[1]).to.equal(`Normal ScalingReplicaSet Scaled up replica set ${second.metadata.name} from 0 to 1`)
    expect(events[2]).to.equal(`Normal ScalingReplicaSet Scaled down replica set ${first.metadata.name} from 4 to 3`)
    expect(events.at(-1)).to.match(/Scaled down replica set .* to 0$/)
    expect(tc.api.list(podType, 'default').items.every((p) => p.metadata.name!.startsWith(second.metadata.name!))).to.equal(true)
  })

  it('with Recreate scales the old set to zero before the new set gets any replicas', () => {
    tc.api.create(deployment('web', 2, 'nginx:1.27', {type: 'Recreate'}))
    run()
    const [first] = rsList()
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as any).template.spec.containers[0].image = 'nginx:1.28'
    })
    tc.settle(controllers[0])
    expect(rsList()).to.have.length(1)
    expect((rsList()[0].spec as {replicas: number}).replicas).to.equal(0)
    run(40)
    const second = rsList().find((s) => s.metadata.uid !== first.metadata.uid)!
    expect((second.spec as {replicas: number}).replicas).to.equal(2)
    expect(tc.events('web').slice(1, 3)).to.deep.equal([
      `Normal ScalingReplicaSet Scaled down replica set ${first.metadata.name} from 2 to 0`,
      `Normal ScalingReplicaSet Scaled up replica set ${second.metadata.name} from 0 to 2`,
    ])
  })

  it('scales the ReplicaSet when the Deployment is scaled', () => {
    tc.api.create(deployment('web', 2))
    run()
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as {replicas: number}).replicas = 5 as number
    })
    run()
    const [rs] = rsList()
    expect((rs.spec as {replicas: number}).replicas).to.equal(5)
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).to.equal('5')
    expect(tc.events('web').at(-1)).to.equal(`Normal ScalingReplicaSet Scaled up replica set ${rs.metadata.name} from 2 to 5`)
    expect((dep().status as {availableReplicas: number}).availableReplicas).to.equal(5)
  })

  it('marks the rollout ProgressDeadlineExceeded when no progress is made within progressDeadlineSeconds', () => {
    const d = deployment('web', 1)
    ;(d.spec as any).progressDeadlineSeconds = 10
    ;(d.spec as any).template.spec.nodeSelector = {disk: 'none'}
    tc.api.create(d)
    run(3)
    expect(conds(dep())[1]).to.match(/^Progressing=True ReplicaSetUpdated: ReplicaSet "web-\w+" is progressing\.$/)
    const r = tc.pass(controllers[0])
    expect(r.requeueAfterMs).to.be.a('number')
    tc.clock.advance(r.requeueAfterMs!)
    tc.pass(controllers[0])
    expect(conds(dep())).to.deep.equal([
      'Available=False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
      `Progressing=False ProgressDeadlineExceeded: ReplicaSet "${rsList()[0].metadata.name}" has timed out progressing.`,
    ])
    expect(tc.pass(controllers[0]).writes).to.equal(0)
  })

  it('holds a paused rollout, marks Progressing Unknown while paused, and rolls out once resumed', () => {
    tc.api.create(deployment('web', 2))
    run()
    const [first] = rsList()
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as {paused?: boolean}).paused = true
    })
    run()
    expect(conds(dep())[1]).to.equal('Progressing=Unknown DeploymentPaused: Deployment is paused')
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as any).template.spec.containers[0].image = 'nginx:1.28'
    })
    run()
    // no new ReplicaSet while paused, the status still counts what runs
    expect(rsList().map((rs) => rs.metadata.name)).to.deep.equal([first.metadata.name])
    expect((dep().status as {availableReplicas: number}).availableReplicas).to.equal(2)
    for (const c of controllers) expect(tc.pass(c).writes).to.equal(0)
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      delete (o.spec as {paused?: boolean}).paused
    })
    tc.pass(controllers[0])
    // the same sync that says Resumed creates the new ReplicaSet, which says so last
    expect(conds(dep())[1]).to.match(/^Progressing=True NewReplicaSetCreated: Created new replica set "web-\w+"$/)
    run(12)
    expect(rsList()).to.have.length(2)
    const second = rsList().find((rs) => rs.metadata.uid !== first.metadata.uid)!
    expect(conds(dep())[1]).to.equal(`Progressing=True NewReplicaSetAvailable: ReplicaSet "${second.metadata.name}" has successfully progressed.`)
  })
})
