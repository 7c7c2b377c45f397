// A manifest with a key given twice and two unknown fields, through each --validate value, as kubectl 1.35
// against a 1.35 API server answers (checked with the real binary through `ksim serve`).
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dup
spec:
  replicas: 3
  replicas: 4
  foo: bar
  baz: baq
  selector:
    matchLabels: {app: dup}
  template:
    metadata:
      labels: {app: dup}
    spec:
      containers:
      - name: c
        image: nginx:1.27
`

describe('ksim create --validate with duplicate and unknown fields', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-create-validate-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('refuses with the server\'s strict decoding error by default, bare --validate, true and strict', () => {
    const file = sb.write('dup.yaml', MANIFEST)
    const refused = `Error from server (BadRequest): error when creating "${file}": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.baz", unknown field "spec.foo"\n`
    for (const v of [[], ['--validate'], ['--validate=true'], ['--validate=strict']]) {
      expect(sb.run(['create', '-f', file, ...v]), v.join(' ')).to.deep.equal({stdout: '', stderr: refused, code: 1})
    }
    expect(sb.run(['get', 'deployments'])).to.deep.equal({stdout: '', stderr: 'No resources found in default namespace.\n', code: 0})
  })

  it('creates with the last of the duplicate values under warn (warning per unknown field), ignore and false', () => {
    const file = sb.write('dup.yaml', MANIFEST)
    const warnings = {'--validate=warn': 'Warning: unknown field "spec.baz"\nWarning: unknown field "spec.foo"\n', '--validate=ignore': '', '--validate=false': ''}
    for (const [flag, stderr] of Object.entries(warnings)) {
      expect(sb.run(['create', '-f', file, flag]), flag).to.deep.equal({stdout: 'deployment.apps/dup created\n', stderr, code: 0})
      expect(sb.run(['get', 'deployment', 'dup', '-o', 'jsonpath={.spec.replicas}']).stdout).to.equal('4')
      sb.run(['delete', 'deployment', 'dup'])
    }
  })
})
