import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {deploymentType} from '../../../src/api/kinds/deployment.js'
import {replicaSetType} from '../../../src/api/kinds/replicaset.js'
import {historyText, rfc3339Local, rollback, rolloutTargets, runPatchRollout} from '../../../src/cli/verbs/rollout.js'
import {DeploymentController} from '../../../src/controllers/deployment/deployment.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {ReplicaSetController} from '../../../src/controllers/deployment/replicaset.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../../controllers/helpers.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

const web = (image: string): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', namespace: 'default'},
  spec: {replicas: 1, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}, annotations: FAST}, spec: {containers: [{name: 'web', image}]}}},
})

describe('rollout pause, resume, restart, history and undo', () => {
  let tc: TestCluster
  const controllers = [new DeploymentController(), new ReplicaSetController(), new Scheduler(), new Kubelet()]
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  function run(): void {
    for (let i = 0; i < 12; i++) {
      tc.settle(...controllers)
      tc.clock.advance(1000)
    }
  }
  const found = (...args: string[]) => rolloutTargets(tc.api, {args, files: [], recursive: false, namespace: 'default'})
  const image = () => ((tc.api.get(deploymentType, 'default', 'web').spec as any).template.spec.containers[0].image as string)
  const setImage = (img: string, cause?: string) =>
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as any).template.spec.containers[0].image = img
      if (cause) o.metadata.annotations = {...o.metadata.annotations, 'kubernetes.io/change-cause': cause}
    })
  const patch = (op: 'pause' | 'resume' | 'restart', ...args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const r = runPatchRollout(tc.api, found(...args), op, {}, {out: (s) => out.push(s), err: (l) => err.push(l)}, 'default')
    return {out: out.join(''), err, errors: r.errors.map((e) => (e as Error).message), written: r.written}
  }

  it('pauses, resumes and restarts with kubectl lines and refusals', () => {
    tc.api.create(web('nginx:1.27'))
    expect(patch('pause', 'deployment/web')).to.deep.equal({out: 'deployment.apps/web paused\n', err: [], errors: [], written: 1})
    expect(patch('pause', 'deployment', 'web').errors).to.deep.equal(['error: deployments.apps "web" is already paused'])
    expect(patch('restart', 'deployment').errors).to.deep.equal(['error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)'])
    expect(patch('resume', 'deployment/web').out).to.equal('deployment.apps/web resumed\n')
    expect(patch('resume', 'deployment/web').errors).to.deep.equal(['error: deployments.apps "web" is not paused'])
    expect(patch('restart', 'deploy/web').out).to.equal('deployment.apps/web restarted\n')
    const template = (tc.api.get(deploymentType, 'default', 'web').spec as any).template.metadata.annotations
    expect(template['kubectl.kubernetes.io/restartedAt']).to.equal(rfc3339Local(tc.clock.now()))
    // a second restart within the same second would patch nothing
    expect(patch('restart', 'deploy/web').errors).to.deep.equal(['failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another'])
    tc.clock.advance(1000)
    expect(patch('restart', 'deploy/web').written).to.equal(1)
    expect(patch('pause', 'deploy/nope').errors).to.deep.equal(['deployments.apps "nope" not found'])
  })

  it('says so when nothing matches, and refuses kinds without rollouts', () => {
    const r = runPatchRollout(tc.api, rolloutTargets(tc.api, {args: ['deployment'], files: [], recursive: false, selector: 'app=none', namespace: 'default'}), 'pause', {}, {out: () => {}, err: (l) => expect(l).to.equal('No resources found in default namespace.')}, 'default')
    expect(r).to.deep.equal({written: 0, errors: []})
    tc.api.create(web('nginx:1.27'))
    run()
    expect(patch('pause', 'rs').errors).to.have.length(1)
    expect(patch('pause', 'rs').errors[0]).to.match(/^error: replicasets\.apps "web-\w+" pausing is not supported$/)
    const rs = tc.api.list(replicaSetType, 'default').items[0]
    expect(() => historyText(tc.api, {rt: replicaSetType, obj: rs}, 0)).to.throw('no history viewer has been implemented for "ReplicaSet.apps"')
    expect(() => rollback(tc.api, {rt: replicaSetType, obj: rs}, 0, 'none')).to.throw('no rollbacker has been implemented for "ReplicaSet.apps"')
  })

  it('lists revisions with their change-cause and rolls back to the previous one or a given one', () => {
    tc.api.create(web('nginx:1.27'))
    run()
    const d = () => found('deployment/web').targets[0]
    expect(() => rollback(tc.api, d(), 0, 'none')).to.throw('no rollout history found for deployment "web"')
    setImage('nginx:1.28', 'kubectl set image deployment/web web=nginx:1.28')
    run()
    expect(historyText(tc.api, d(), 0)).to.equal('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web web=nginx:1.28\n\n')
    expect(historyText(tc.api, d(), 2)).to.match(/^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n {2}Annotations:\tksim\.io\/pull-seconds: 0\n/)
    expect(() => historyText(tc.api, d(), 7)).to.throw('unable to find the specified revision')
    expect(rollback(tc.api, d(), 0, 'client')).to.match(/^Pod Template:\n[^]*Image:\tnginx:1\.27\n/)
    expect(image()).to.equal('nginx:1.28')
    expect(rollback(tc.api, d(), 0, 'none')).to.equal('rolled back')
    expect(image()).to.equal('nginx:1.27')
    // the change-cause came back from revision 1, which had none
    expect(tc.api.get(deploymentType, 'default', 'web').metadata.annotations?.['kubernetes.io/change-cause']).to.equal(undefined)
    run()
    expect(historyText(tc.api, d(), 0)).to.equal('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         kubectl set image deployment/web web=nginx:1.28\n3         <none>\n\n')
    expect(rollback(tc.api, d(), 3, 'none')).to.equal('skipped rollback (current template already matches revision 3)')
    expect(() => rollback(tc.api, d(), 5, 'none')).to.throw('unable to find specified revision 5 in history')
    expect(rollback(tc.api, d(), 2, 'server')).to.equal('rolled back')
    expect(image()).to.equal('nginx:1.27')
    tc.api.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as {paused?: boolean}).paused = true
    })
    expect(() => rollback(tc.api, d(), 2, 'none')).to.throw("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
  })

  it('formats restartedAt as Go RFC3339 in the local zone: whole seconds, Z or an offset', () => {
    const t = new Date('2026-11-27T04:05:06.789Z')
    const text = rfc3339Local(t)
    expect(text).to.match(t.getTimezoneOffset() === 0 ? /^2026-11-27T04:05:06Z$/ : /^2026-11-2\dT\d{2}:\d{2}:06[+-]\d{2}:\d{2}$/)
    expect(Date.parse(text)).to.equal(Date.parse('2026-11-27T04:05:06Z'))
  })
})
