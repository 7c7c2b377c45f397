// -o jsonpath|go-template|template, --template and --show-managed-fields on the verbs that write, and
// `create -l` / `apply -l` filtering the objects of -f. Expected texts are kubectl 1.35.2's (compared
// through `ksim serve`).
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const FILE = `apiVersion: v1
kind: ConfigMap
metadata: {name: one, labels: {tier: web}}
data: {a: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: two, labels: {tier: db}}
data: {a: "2"}
`

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml'

describe('output on the verbs that write', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-wout-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx']).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})

  it('create and the generators print through jsonpath and go templates; --template alone means go-template', () => {
    expect(sb.run(['create', 'cm', 'x', '--from-literal=a=b', '-o', 'jsonpath={.data.a}', '--dry-run=client'])).to.deep.equal(ok('b'))
    expect(sb.run(['create', 'cm', 'x', '--from-literal=a=b', '--template={{.metadata.name}}', '--dry-run=client'])).to.deep.equal(ok('x'))
    expect(sb.run(['create', 'cm', 'x', '--from-literal=a=b', '-o', 'go-template', '--template', '{{.metadata.name}}/{{.metadata.namespace}}'])).to.deep.equal(ok('x/default'))
    expect(sb.run(['create', 'deployment', 'd2', '--image=nginx', '-o', 'jsonpath-as-json={.spec.replicas}', '--dry-run=client'])).to.deep.equal(ok('[\n    1\n]\n'))
    expect(sb.run(['create', '-f', sb.write('f.yaml', FILE), '-o', 'jsonpath={.metadata.name} ', '--dry-run=server'])).to.deep.equal(ok('one two '))
  })

  it('refuses other formats with kubectl 1.35\'s list, and a template format needs a template', () => {
    const refused = (f: string) => ({stdout: '', stderr: `error: unable to match a printer suitable for the output format "${f}", allowed formats are: ${ALLOWED}\n`, code: 1})
    expect(sb.run(['create', 'cm', 'x', '--from-literal=a=b', '-o', 'foo', '--dry-run=client'])).to.deep.equal(refused('foo'))
    expect(sb.run(['scale', 'deploy/web', '--replicas=2', '-o', 'wide'])).to.deep.equal(refused('wide'))
    expect(sb.run(['create', 'cm', 'x', '--from-literal=a=b', '-o', 'jsonpath', '--dry-run=client'])).to.deep.equal({stdout: '', stderr: 'error: template format specified but no template given\n', code: 1})
  })

  it('label, annotate, scale, patch, set image, expose, run and rollout print the object they wrote', () => {
    expect(sb.run(['label', 'deploy', 'web', 'z=1', '-o', 'jsonpath={.metadata.labels.z}'])).to.deep.equal(ok('1'))
    expect(sb.run(['label', 'deploy', 'web', 'z=2', '--overwrite', '-o', 'name', '--dry-run=server'])).to.deep.equal(ok('deployment.apps/web\n'))
    expect(sb.run(['annotate', 'deploy', 'web', 'q=3', '-o', 'jsonpath={.metadata.annotations.q}'])).to.deep.equal(ok('3'))
    expect(sb.run(['annotate', 'deploy', 'web', 'q=4', '--overwrite', '--dry-run=client', '-o', 'jsonpath={.metadata.annotations.q}'])).to.deep.equal(ok('4'))
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.q}']).stdout).to.equal('3')
    expect(sb.run(['scale', 'deploy', 'web', '--replicas=2', '-o', 'jsonpath={.spec.replicas}'])).to.deep.equal(ok('2'))
    expect(sb.run(['patch', 'deploy', 'web', '-p', '{"spec":{"minReadySeconds":5}}', '-o', 'go-template', '--template', '{{.spec.minReadySeconds}}'])).to.deep.equal(ok('5'))
    expect(sb.run(['set', 'image', 'deploy/web', 'nginx=nginx:3', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).to.deep.equal(ok('nginx:3'))
    expect(sb.run(['expose', 'deploy', 'web', '--port=80', '-o', 'jsonpath={.spec.ports[0].port}', '--dry-run=server'])).to.deep.equal(ok('80'))
    expect(sb.run(['run', 'p', '--image=nginx', '-o', 'jsonpath={.spec.containers[0].image}', '--dry-run=server'])).to.deep.equal(ok('nginx'))
    expect(sb.run(['rollout', 'restart', 'deploy/web', '-o', 'name'])).to.deep.equal(ok('deployment.apps/web\n'))
  })

  it('--show-managed-fields keeps managedFields in YAML and JSON', () => {
    const plain = sb.run(['label', 'deploy', 'web', 'z=1', '-o', 'yaml'])
    expect(plain.code).to.equal(0)
    expect(plain.stdout).not.to.include('managedFields')
    const shown = sb.run(['label', 'deploy', 'web', 'z=2', '--overwrite', '-o', 'json', '--show-managed-fields'])
    expect(JSON.parse(shown.stdout).metadata.managedFields.map((m: {manager: string}) => m.manager)).to.deep.equal(['kubectl-create', 'kubectl-label'])
  })

  it('create -l and apply -l keep the objects of -f whose labels match', () => {
    const file = sb.write('f.yaml', FILE)
    expect(sb.run(['create', '-f', file, '-l', 'tier=web'])).to.deep.equal(ok('configmap/one created\n'))
    expect(sb.run(['get', 'cm', 'two']).code).to.equal(1)
    expect(sb.run(['create', '-f', file, '-l', 'nomatch=1'])).to.deep.equal({stdout: '', stderr: 'error: no objects passed to create\n', code: 1})
    expect(sb.run(['apply', '-f', file, '-l', 'tier in (db)'])).to.deep.equal(ok('configmap/two created\n'))
    expect(sb.run(['apply', '-f', file, '-l', 'nomatch=1'])).to.deep.equal({stdout: '', stderr: 'error: no objects passed to apply\n', code: 1})
    const bad = "error: the provided selector \"a b\" is not valid: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt\n"
    expect(sb.run(['create', '-f', file, '-l', 'a b'])).to.deep.equal({stdout: '', stderr: bad, code: 1})
  })
})
