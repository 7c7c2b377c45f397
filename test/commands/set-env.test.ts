import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

// every expected string below was checked against kubectl 1.35 talking to `ksim serve`
const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      initContainers:
      - {name: init, image: busybox}
      containers:
      - {name: nginx, image: nginx}
      - {name: side, image: redis, env: [{name: A, value: x}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
data: {key-1: v1, key_2: v2}
---
apiVersion: v1
kind: Secret
metadata: {name: sec}
stringData: {username: bob}
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {app: p, tier: x}
spec:
  containers:
  - name: app
    image: nginx
    resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 250m, memory: 64Mi}}
    env:
    - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: LBLS, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}
    - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
    - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
    - {name: MEM, valueFrom: {resourceFieldRef: {resource: requests.memory, divisor: 1Mi}}}
    - {name: MISS, valueFrom: {secretKeyRef: {name: nosuch, key: a}}}
    - {name: MISS2, valueFrom: {secretKeyRef: {name: nosuch, key: b}}}
    - {name: NOKEY, valueFrom: {configMapKeyRef: {name: cm, key: zz}}}
    - {name: USER, valueFrom: {secretKeyRef: {name: sec, key: username}}}
    - {name: PLAIN, value: v}
`

const ENVS = '{.spec.template.spec.containers[*].env} {.spec.template.spec.initContainers[*].env}'

describe('ksim set env (API only)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', '-f', sb.write('app.yaml', APP)]).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  const get = (obj: string, path = ENVS) => sb.run(['get', obj, '-o', `jsonpath=${path}`]).stdout
  const ok = (stdout: string, stderr = '') => ({stdout, stderr, code: 0})
  const fails = (stderr: string, stdout = '') => ({stdout, stderr, code: 1})

  it('sets a variable in every container and init container, replacing in place, and writes nothing when nothing changes', () => {
    expect(sb.run(['set', 'env', 'deployment/web', 'A=1', 'B=2'])).to.deep.equal(ok('deployment.apps/web env updated\n'))
    expect(get('deploy/web')).to.equal('[{"name":"A","value":"1"},{"name":"B","value":"2"}] [{"name":"A","value":"1"},{"name":"B","value":"2"}] [{"name":"A","value":"1"},{"name":"B","value":"2"}]')
    expect(get('deploy/web', '{.metadata.generation}')).to.equal('2')
    const rv = get('deploy/web', '{.metadata.resourceVersion}')
    expect(sb.run(['set', 'env', 'deploy', 'web', 'B=2'])).to.deep.equal(ok(''))
    expect(get('deploy/web', '{.metadata.resourceVersion}')).to.equal(rv)
    expect(get('deploy/web', '{.metadata.managedFields[*].manager}')).to.equal('kubectl-create kubectl-set')
    // KEY- removes; -c picks containers by name, with * wildcards
    expect(sb.run(['set', 'env', 'deploy/web', 'A-', '-c', 's*e'])).to.deep.equal(ok('deployment.apps/web env updated\n'))
    expect(get('deploy/web')).to.equal('[{"name":"A","value":"1"},{"name":"B","value":"2"}] [{"name":"B","value":"2"}] [{"name":"A","value":"1"},{"name":"B","value":"2"}]')
    expect(sb.run(['set', 'env', 'deploy/web', 'C=3', '--field-manager=mine']).code).to.equal(0)
    expect(get('deploy/web', '{.metadata.managedFields[*].manager}')).to.equal('kubectl-create kubectl-set mine')
  })

  it('imports a config map or secret with --from, --keys and --prefix, warning about renamed keys', () => {
    expect(sb.run(['set', 'env', 'deploy/web', '--from=configmap/cm', '--keys=key-1', '-c=nginx'])).to.deep.equal(ok('deployment.apps/web env updated\n', 'Warning: key key-1 transferred to KEY_1\n'))
    expect(get('deploy/web', '{.spec.template.spec.containers[0].env}')).to.equal('[{"name":"KEY_1","valueFrom":{"configMapKeyRef":{"key":"key-1","name":"cm"}}}]')
    expect(sb.run(['set', 'env', 'deploy/web', '--from=secret/sec', '--prefix=S_', '-c', 'nginx'])).to.deep.equal(ok('deployment.apps/web env updated\n', 'Warning: key username transferred to USERNAME\n'))
    expect(get('deploy/web', '{.spec.template.spec.containers[0].env[1]}')).to.equal('{"name":"S_USERNAME","valueFrom":{"secretKeyRef":{"key":"username","name":"sec"}}}')
    expect(sb.run(['set', 'env', 'deploy/web', '--from=configmap/missing'])).to.deep.equal(fails('Error from server (NotFound): configmaps "missing" not found\n'))
    expect(sb.run(['set', 'env', 'deploy/web', '--from=svc/svc'])).to.deep.equal(fails('error: unsupported resource specified in --from\n'))
  })

  it('lists variables with --list, resolving references with --resolve and reporting what it could not resolve', () => {
    expect(sb.run(['set', 'env', 'deploy/web', '--list', 'N=1', '-c', 'side'])).to.deep.equal(ok('# Deployment web, container side\nA=x\nN=1\n'))
    expect(get('deploy/web', '{.spec.template.spec.containers[1].env}')).to.equal('[{"name":"A","value":"x"}]')
    const listed = '# Pod p, container app\n'
    expect(sb.run(['set', 'env', 'pod/p', '--list'])).to.deep.equal(ok(`${listed}# POD from field path metadata.name\n# LBLS from field path metadata.labels\n# NODE from field path spec.nodeName\n# CPU from resource field limits.cpu\n# MEM from resource field requests.memory\n# MISS from secret nosuch, key a\n# MISS2 from secret nosuch, key b\n# NOKEY from configmap cm, key zz\n# USER from secret sec, key username\nPLAIN=v\n`))
    expect(sb.run(['set', 'env', 'pod/p', '--list', '--resolve'])).to.deep.equal(ok(
      `${listed}POD=p\nLBLS=app="p"\ntier="x"\n# NODE from field path spec.nodeName\nCPU=1\nMEM=64\n# MISS from secret nosuch, key a\n# MISS2 from secret nosuch, key b\n# NOKEY from configmap cm, key zz\nUSER=bob\nPLAIN=v\n`,
      'error retrieving reference for MISS, MISS2: secrets "nosuch" not found\nerror retrieving reference for NODE: unsupported fieldPath: spec.nodeName\nerror retrieving reference for NOKEY: key zz not found in config map cm\n',
    ))
  })

  it('refuses to overwrite with --overwrite=false, and reads -e - from standard input', () => {
    expect(sb.run(['set', 'env', 'deploy/web', 'A=y', '--overwrite=false'])).to.deep.equal(fails("error: deployments/web 'A' already has a value (x), and --overwrite is false\n"))
    expect(sb.run(['set', 'env', 'deploy/web', 'A=x', '--overwrite=false', '-c', 'side'])).to.deep.equal(ok(''))
    expect(sb.run(['set', 'env', 'deploy/web', '-e', '-', '-c', 'nginx'], {input: 'X=1\n# comment\nY=2 # trailing\nnot a variable\n'})).to.deep.equal(ok('deployment.apps/web env updated\n'))
    expect(get('deploy/web', '{.spec.template.spec.containers[0].env}')).to.equal('[{"name":"X","value":"1"},{"name":"Y","value":"2 "}]')
    expect(sb.run(['set', 'env', '-f', '-', '-'], {input: 'X=1\n'})).to.deep.equal(fails('error: standard input cannot be used for multiple arguments\n'))
  })

  it('works on pod templates of every kind, locally and as a dry run', () => {
    const yaml = sb.run(['create', 'cronjob', 'cj', '--image=busybox', '--schedule=* * * * *', '--dry-run=client', '-o', 'yaml']).stdout
    const file = sb.write('cj.yaml', yaml)
    expect(sb.run(['set', 'env', '-f', file, '--local', 'K=v', '-o', 'jsonpath={.spec.jobTemplate.spec.template.spec.containers[0].env}'])).to.deep.equal(ok('[{"name":"K","value":"v"}]'))
    expect(sb.run(['create', '-f', file]).code).to.equal(0)
    expect(sb.run(['create', 'job', 'j', '--image=busybox']).code).to.equal(0)
    expect(sb.run(['set', 'env', 'cronjob/cj', 'job/j', 'K=v', '--dry-run=client'])).to.deep.equal(ok('cronjob.batch/cj env updated (dry run)\njob.batch/j env updated (dry run)\n'))
    expect(sb.run(['set', 'env', 'cronjob/cj', 'K=v', '--dry-run=server'])).to.deep.equal(ok('cronjob.batch/cj env updated (server dry run)\n'))
    expect(get('cronjob/cj', '{.spec.jobTemplate.spec.template.spec.containers[0].env}')).to.equal('')
    expect(sb.run(['set', 'env', 'cronjob/cj', 'K=v'])).to.deep.equal(ok('cronjob.batch/cj env updated\n'))
    expect(get('cronjob/cj', '{.spec.jobTemplate.spec.template.spec.containers[0].env}')).to.equal('[{"name":"K","value":"v"}]')
  })

  it("checks its arguments with kubectl's messages", () => {
    const invalid = `error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`
    expect(sb.run(['set', 'env', 'deploy/web', '1A=b'])).to.deep.equal(fails(invalid))
    expect(sb.run(['set', 'env', 'A=1'])).to.deep.equal(fails('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'))
    expect(sb.run(['set', 'env', 'deploy/web', 'A=1', 'deploy/x'])).to.deep.equal(fails('error: all resources must be specified before environment changes: deploy/web A=1 deploy/x\n'))
    expect(sb.run(['set', 'env', 'deploy/web', '--list', '-o', 'yaml'])).to.deep.equal(fails('error: --list and --output may not be specified together\n'))
    expect(sb.run(['set', 'env', 'deploy/web', '--keys=a'])).to.deep.equal(fails('error: when specifying --keys, a configmap or secret must be provided with --from\n'))
    expect(sb.run(['set', 'env', 'deploy/web', 'A=1', 'A-'])).to.deep.equal(fails('error: can not both modify and remove the same environment variable in the same command\n'))
    expect(sb.run(['set', 'env', 'deploy', '--all', '-l', 'a=b', 'A=1'])).to.deep.equal(fails('error: cannot set --all and --selector at the same time\n'))
    expect(sb.run(['set', 'env', 'svc/svc', 'X=1'])).to.deep.equal(fails('error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n'))
    expect(sb.run(['set', 'env', 'deploy/web', 'X=1', '-c', 'nope'])).to.deep.equal(ok('', 'Warning: Deployment/web does not have any containers matching "nope"\n'))
    // kubectl checks for something to set only after it has written the removal
    expect(sb.run(['set', 'env', 'deploy/web', '-e', 'A-'])).to.deep.equal(fails('error: at least one environment variable must be provided\n'))
    expect(get('deploy/web', '{.spec.template.spec.containers[1].env}')).to.equal('')
  })
})
