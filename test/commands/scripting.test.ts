import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const env = {KSIM_NO_RECONCILER: '1'}
const CM = (greeting: string, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: ${greeting}
${extra}`

describe('ksim label, annotate, apply and wait', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
    sb.run(['create', 'configmap', 'cm', '--from-literal=a=b'], {env})
  })
  afterEach(() => sb.cleanup())

  it('labels, refuses to overwrite without --overwrite, and removes labels', () => {
    expect(sb.run(['label', 'cm', 'cm', 'env=prod'], {env})).to.deep.equal({stdout: 'configmap/cm labeled\n', stderr: '', code: 0})
    expect(sb.run(['label', 'cm', 'cm', 'env=dev'], {env})).to.deep.equal({stdout: '', stderr: "error: 'env' already has a value (prod), and --overwrite is false\n", code: 1})
    expect(sb.run(['label', 'cm/cm', 'env=dev', '--overwrite'], {env}).stdout).to.equal('configmap/cm labeled\n')
    expect(sb.run(['get', 'cm', 'cm', '-o', 'jsonpath={.metadata.labels.env}'], {env}).stdout).to.equal('dev')
    expect(sb.run(['label', 'cm', 'cm', 'env-'], {env}).stdout).to.equal('configmap/cm unlabeled\n')
    expect(sb.run(['label', 'cm', 'cm', 'env-'], {env}).stdout).to.equal('label "env" not found.\nconfigmap/cm not labeled\n')
    // --all takes every config map of the namespace: kube-root-ca.crt too, as on a real cluster
    expect(sb.run(['label', 'cm', '--all', 'tier=web'], {env}).stdout).to.equal('configmap/cm labeled\nconfigmap/kube-root-ca.crt labeled\n')
    expect(sb.run(['get', 'cm', '-l', 'tier=web', '-o', 'name'], {env}).stdout).to.equal('configmap/cm\nconfigmap/kube-root-ca.crt\n')
  })

  it('takes -f as kubectl does: repeated or comma-separated, with the label changes after it', () => {
    const a = sb.write('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n')
    const b = sb.write('b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n')
    expect(sb.run(['create', '-f', `${a},${b}`], {env})).to.deep.equal({stdout: 'configmap/a created\nconfigmap/b created\n', stderr: '', code: 0})
    expect(sb.run(['label', '-f', a, 'tier=web'], {env})).to.deep.equal({stdout: 'configmap/a labeled\n', stderr: '', code: 0})
    expect(sb.run(['annotate', '-f', a, '-f', b, 'note=x'], {env}).stdout).to.equal('configmap/a annotated\nconfigmap/b annotated\n')
    expect(sb.run(['get', '-f', `${a},${b}`, '-o', 'jsonpath={range .items[*]}{.metadata.name}:{.metadata.labels.tier}:{.metadata.annotations.note} {end}'], {env}).stdout).to.equal('a:web:x b::x ')
    expect(sb.run(['label', 'cm', 'a', 'x=1', 'b', 'c'], {env}).stderr).to.equal('error: all resources must be specified before label changes: b\n')
    expect(sb.run(['annotate', 'cm', 'a', 'x=1', 'b'], {env}).stderr).to.equal('error: all resources must be specified before annotation changes: b\n')
    expect(sb.run(['create', '-f', a, 'extra', 'more'], {env})).to.deep.equal({stdout: '', stderr: "error: Unexpected args: [extra more]\nSee 'ksim create -h' for help and examples\n", code: 1})
  })

  it('rejects invalid label keys with the API\'s message and invalid values with kubectl\'s', () => {
    const r = sb.run(['label', 'cm', 'cm', 'a b=c'], {env})
    expect(r.stderr).to.equal(
      `The ConfigMap "cm" is invalid: metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
    )
    expect(sb.run(['label', 'cm', 'cm', 'a=b c'], {env}).stderr).to.equal(
      `error: invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    )
  })

  it('annotates and reports existing annotations without --overwrite', () => {
    expect(sb.run(['annotate', 'cm', 'cm', 'description=my frontend'], {env}).stdout).to.equal('configmap/cm annotated\n')
    expect(sb.run(['annotate', 'cm', 'cm', 'description=x'], {env}).stderr).to.equal(
      "error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n",
    )
    expect(sb.run(['get', 'cm', 'cm', '-o', 'jsonpath={.metadata.annotations.description}'], {env}).stdout).to.equal('my frontend')
  })

  it('applies: created, unchanged, configured, and keeps fields other writers set', () => {
    const f = sb.write('cm.yaml', CM('hello'))
    expect(sb.run(['apply', '-f', f], {env}).stdout).to.equal('configmap/web-config created\n')
    expect(sb.run(['apply', '-f', f], {env}).stdout).to.equal('configmap/web-config unchanged\n')
    sb.run(['label', 'cm', 'web-config', 'owner=ops'], {env})
    sb.write('cm.yaml', CM('bonjour'))
    expect(sb.run(['apply', '-f', f], {env}).stdout).to.equal('configmap/web-config configured\n')
    const o = JSON.parse(sb.run(['get', 'cm', 'web-config', '-o', 'json'], {env}).stdout)
    expect(o.data).to.deep.equal({greeting: 'bonjour'})
    expect(o.metadata.labels).to.deep.equal({owner: 'ops'})
    expect(o.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).to.equal(
      '{"apiVersion":"v1","data":{"greeting":"bonjour"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"web-config","namespace":"default"}}\n',
    )
  })

  it('rejects an apply that changes an immutable pod field, worded as the API server words it', () => {
    const pod = (img: string, port: number) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: ${img}\n    ports: [{containerPort: ${port}}]\n`
    const f = sb.write('p.yaml', pod('nginx:1.27', 80))
    sb.run(['apply', '-f', f], {env})
    sb.write('p.yaml', pod('nginx:1.28', 80))
    expect(sb.run(['apply', '-f', f], {env}).stdout).to.equal('pod/p configured\n')
    sb.write('p.yaml', pod('nginx:1.28', 8080))
    const r = sb.run(['apply', '-f', f], {env})
    expect(r.code).to.equal(1)
    expect(r.stderr).to.match(/^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/)
  })

  it('waits for jsonpath values and conditions, and times out with kubectl\'s message', () => {
    expect(sb.run(['wait', '--for=jsonpath={.data.a}=b', 'cm/cm'], {env})).to.deep.equal({stdout: 'configmap/cm condition met\n', stderr: '', code: 0})
    expect(sb.run(['wait', '--for=jsonpath={.data.a}=c', 'cm/cm', '--timeout=500ms'], {env})).to.deep.equal({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on configmaps/cm\n',
      code: 1,
    })
    expect(sb.run(['wait', '--for=condition=Ready', 'cm/nope'], {env}).stderr).to.equal('Error from server (NotFound): configmaps "nope" not found\n')
    expect(sb.run(['wait', '--for=bogus', 'cm/cm'], {env}).stderr).to.equal('error: unrecognized condition: "bogus"\n')
    expect(sb.run(['wait', '--for=delete', 'cm/nope'], {env})).to.deep.equal({stdout: '', stderr: '', code: 0})
  })

  it('waits for a deletion that happens while it waits', async () => {
    // delete only once `wait` is watching (its -v=6 log says so): deleting earlier would test the
    // already-gone path instead, and a fixed sleep raced on a loaded machine
    let watching!: () => void
    const watchStarted = new Promise<void>((r) => (watching = r))
    const waiting = sb.runAsync(['wait', '--for=delete', 'configmap/cm', '--timeout=30s', '-v=6'], {
      onStderr: (text) => text.includes('verb="watch"') && watching(),
    })
    await watchStarted
    sb.run(['delete', 'cm', 'cm'], {env})
    const result = await waiting
    expect(result.stdout).to.equal('configmap/cm condition met\n')
    expect(result.code).to.equal(0)
    expect(result.stderr).to.not.match(/^(error|Error)/m)
  })
})
