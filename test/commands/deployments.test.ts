import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const BAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: bad
spec:
  replicas: -1
  selector:
    matchLabels: {app: other}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - {name: web, image: nginx}
`

describe('ksim deployments and replicasets (API only)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('creates a deployment with kubectl line, shows it in get and get all, and by -o name', () => {
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80'])).to.deep.equal({stdout: 'deployment.apps/web created\n', stderr: '', code: 0})
    expect(sb.run(['get', 'deploy']).stdout).to.match(/^NAME {3}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nweb {4}0\/3 {5}0 {12}0 {11}\d+s\n$/)
    expect(sb.run(['get', 'deployments.apps', '-o', 'name']).stdout).to.equal('deployment.apps/web\n')
    expect(sb.run(['get', 'all']).stdout).to.include('deployment.apps/web   0/3')
    const yaml = sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].ports[0].containerPort} {.spec.strategy.type}']).stdout
    expect(yaml).to.equal('80 RollingUpdate')
  })

  it('prints the object kubectl would send with --dry-run=client -o yaml', () => {
    const r = sb.run(['create', 'deployment', 'x', '--image=registry.io/team/my_app:v2', '--dry-run=client', '-o', 'yaml'])
    expect(r.stdout).to.equal(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: x\n  name: x\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: x\n' +
        '  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n      - image: registry.io/team/my_app:v2\n' +
        '        name: my-app\n        resources: {}\nstatus: {}\n',
    )
  })

  it('scales deployments and replicasets by every argument form, refusing negative counts', () => {
    sb.run(['create', 'deployment', 'web', '--image=nginx'])
    expect(sb.run(['scale', 'deployment/web', '--replicas=4'])).to.deep.equal({stdout: 'deployment.apps/web scaled\n', stderr: '', code: 0})
    expect(sb.run(['scale', 'deploy', 'web', '--replicas=2']).stdout).to.equal('deployment.apps/web scaled\n')
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).to.equal('2')
    expect(sb.run(['scale', 'deployment/web', '--replicas=-1'])).to.deep.equal({
      stdout: '',
      stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
      code: 1,
    })
    expect(sb.run(['scale', 'rs/nope', '--replicas=1'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): replicasets.apps "nope" not found\n', code: 1})
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).to.equal('2')
  })

  it('refuses invalid deployments with the API server messages and creates nothing', () => {
    const r = sb.run(['create', '-f', sb.write('bad.yaml', BAD)])
    expect(r.code).to.equal(1)
    expect(r.stderr).to.equal(
      'The Deployment "bad" is invalid: \n' +
        '* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
    )
    expect(sb.run(['get', 'deploy']).stderr).to.equal('No resources found in default namespace.\n')
  })

  it('prints the rollout status once with --watch=false, and the NotFound error for a missing deployment', () => {
    sb.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])
    expect(sb.run(['rollout', 'status', 'deployment/web', '--watch=false'])).to.deep.equal({stdout: 'Waiting for deployment spec update to be observed...\n', stderr: '', code: 0})
    expect(sb.run(['rollout', 'status', 'deployment/nope']).stderr).to.equal('Error from server (NotFound): deployments.apps "nope" not found\n')
  })
})

describe('ksim deployments with the reconciler', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('rolls a deployment out to ready pods named after its ReplicaSet, and deleting it removes them', () => {
    sb.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])
    const status = sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s'])
    expect(status.code).to.equal(0)
    expect(status.stdout.split('\n').at(-2)).to.equal('deployment "web" successfully rolled out')
    const rs = sb.run(['get', 'rs', '-o', 'name']).stdout.trim()
    expect(rs).to.match(/^replicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    const pods = sb.run(['get', 'pods', '-o', 'name']).stdout.trim().split('\n')
    expect(pods).to.have.length(2)
    for (const p of pods) expect(p.startsWith(`pod/${rs.slice('replicaset.apps/'.length)}-`)).to.equal(true)
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.status.conditions[*].reason}']).stdout).to.equal('MinimumReplicasAvailable NewReplicaSetAvailable')
    expect(sb.run(['delete', 'deployment', 'web']).stdout).to.equal('deployment.apps "web" deleted from default namespace\n')
    sb.run(['wait', '--for=delete', 'pods', '--all', '--timeout=60s'])
    expect(sb.run(['get', 'rs,pods']).stderr).to.equal('No resources found in default namespace.\n')
  })
  it('leaves the ReplicaSet and its pods behind with --cascade=orphan, and scales them with ksim scale rs', () => {
    sb.run(['create', 'deployment', 'web', '--image=nginx:1.27'])
    expect(sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s']).code).to.equal(0)
    const rs = sb.run(['get', 'rs', '-o', 'name']).stdout.trim()
    expect(sb.run(['delete', 'deploy', 'web', '--cascade=orphan']).stdout).to.equal('deployment.apps "web" deleted from default namespace\n')
    expect(sb.run(['get', rs, '-o', 'jsonpath={.metadata.ownerReferences}']).stdout).to.equal('')
    expect(sb.run(['scale', rs, '--replicas=2']).stdout).to.equal(`${rs} scaled\n`)
    sb.run(['wait', '--for=jsonpath={.status.readyReplicas}=2', rs, '--timeout=60s'])
    expect(sb.run(['get', 'pods', '-o', 'name']).stdout.trim().split('\n')).to.have.length(2)
  })
})
