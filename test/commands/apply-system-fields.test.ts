// The API server keeps the stored creationTimestamp (and uid, deletion fields) on every update, whatever
// the client sends (rest.BeforeUpdate), so a manifest with `creationTimestamp: null` applies again and again.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const CM_WITH_NULL = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  creationTimestamp: null\ndata:\n  a: "1"\n'

describe('system metadata on update', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})
  const get = (obj: string, path: string) => sb.run(['get', obj, '-o', `jsonpath=${path}`]).stdout

  it('a manifest ksim wrote applies twice: created, then unchanged', () => {
    const yaml = sb.run(['create', 'deployment', 'd', '--image=nginx', '--dry-run=client', '-o', 'yaml']).stdout
    const file = sb.write('d.yaml', yaml)
    expect(sb.run(['apply', '-f', file])).to.deep.equal(ok('deployment.apps/d created\n'))
    expect(sb.run(['apply', '-f', file])).to.deep.equal(ok('deployment.apps/d unchanged\n'))
  })

  it('creationTimestamp: null in a manifest never clears the stored one (apply, patch, label, annotate)', () => {
    const file = sb.write('cm.yaml', CM_WITH_NULL)
    expect(sb.run(['apply', '-f', file])).to.deep.equal(ok('configmap/cm created\n'))
    const created = get('cm/cm', '{.metadata.creationTimestamp}')
    const uid = get('cm/cm', '{.metadata.uid}')
    expect(created).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    // kubectl's three-way diff sends the null (the live object has a value): configured, nothing changes
    expect(sb.run(['apply', '-f', file])).to.deep.equal(ok('configmap/cm configured\n'))
    expect(sb.run(['patch', 'cm', 'cm', '--type=merge', '-p', '{"metadata":{"creationTimestamp":null,"uid":null},"data":{"b":"2"}}'])).to.deep.equal(ok('configmap/cm patched\n'))
    expect(sb.run(['label', 'cm', 'cm', 'x=y'])).to.deep.equal(ok('configmap/cm labeled\n'))
    expect(sb.run(['annotate', 'cm', 'cm', 'n=1'])).to.deep.equal(ok('configmap/cm annotated\n'))
    expect(get('cm/cm', '{.metadata.creationTimestamp} {.metadata.uid} {.data.b}')).to.equal(`${created} ${uid} 2`)
  })

  it('a different uid is still refused as immutable', () => {
    sb.run(['create', 'configmap', 'cm', '--from-literal=a=1'])
    const r = sb.run(['patch', 'cm', 'cm', '--type=merge', '-p', '{"metadata":{"uid":"0000"}}'])
    expect(r.code).to.equal(1)
    expect(r.stderr).to.include('metadata.uid: Invalid value: "0000": field is immutable')
  })
})
