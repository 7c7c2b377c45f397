// `apply --server-side` and the managedFields every verb leaves, through the real CLI: kubectl's lines
// (`serverside-applied`, the conflict error with its advice), its flag checks, and what
// `get -o yaml --show-managed-fields` shows after create, label, apply and scale.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`

const ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`

describe('apply --server-side and managedFields', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})
  /** managedFields as `manager operation [subresource]` lines, with the fields as JSON */
  const managed = (obj: string) => {
    const out = sb.run(['get', obj, '-o', 'jsonpath={range .metadata.managedFields[*]}{.manager} {.operation} {.subresource}|{.fieldsV1}{"\\n"}{end}'])
    return out.stdout.split('\n').filter(Boolean)
  }

  it('creates, re-applies unchanged, conflicts with a scale, and takes the field with --force-conflicts', () => {
    const file = sb.write('web.yaml', DEPLOY)
    expect(sb.run(['apply', '--server-side', '-f', file])).to.deep.equal(ok('deployment.apps/web serverside-applied\n'))
    const rv = sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout
    expect(sb.run(['apply', '--server-side', '-f', file])).to.deep.equal(ok('deployment.apps/web serverside-applied\n'))
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout).to.equal(rv)
    expect(sb.run(['scale', 'deploy', 'web', '--replicas=3'])).to.deep.equal(ok('deployment.apps/web scaled\n'))
    expect(sb.run(['apply', '--server-side', '-f', file])).to.deep.equal({
      stdout: '',
      stderr: `error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas\n${ADVICE}`,
      code: 1,
    })
    expect(sb.run(['apply', '--server-side', '--force-conflicts', '-f', file])).to.deep.equal(ok('deployment.apps/web serverside-applied\n'))
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).to.equal('2')
    expect(managed('deploy/web').map((l) => l.split('|')[0])).to.deep.equal(['kubectl Apply '])
  })

  it('names the manager with --field-manager, and a dry run on the server changes nothing', () => {
    const file = sb.write('web.yaml', DEPLOY)
    expect(sb.run(['apply', '--server-side', '--field-manager=ci', '--dry-run=server', '-f', file])).to.deep.equal(ok('deployment.apps/web serverside-applied (server dry run)\n'))
    expect(sb.run(['get', 'deploy']).stderr).to.equal('No resources found in default namespace.\n')
    sb.run(['apply', '--server-side', '--field-manager=ci', '-f', file])
    expect(managed('deploy/web').map((l) => l.split('|')[0])).to.deep.equal(['ci Apply '])
  })

  it("checks kubectl's flag rules", () => {
    const file = sb.write('web.yaml', DEPLOY)
    expect(sb.run(['apply', '--force-conflicts', '-f', file])).to.deep.equal({stdout: '', stderr: 'error: --force-conflicts only works with --server-side\n', code: 1})
    expect(sb.run(['apply', '--server-side', '--dry-run=client', '-f', file])).to.deep.equal({
      stdout: '',
      stderr: "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n",
      code: 1,
    })
  })

  it('records the manager of each verb as kubectl sends it: create, label, client-side apply, scale', () => {
    sb.run(['create', 'deployment', 'web', '--image=nginx'])
    sb.run(['label', 'deploy', 'web', 'tier=front'])
    sb.run(['scale', 'deploy', 'web', '--replicas=2'])
    // entries sort by time first: the commands may fall in different seconds
    const entries = managed('deploy/web').sort()
    expect(entries.map((l) => l.split('|')[0])).to.deep.equal(['kubectl Update scale', 'kubectl-create Update ', 'kubectl-label Update '])
    expect(entries[0]).to.equal('kubectl Update scale|{"f:spec":{"f:replicas":{}}}')
    expect(entries[2]).to.equal('kubectl-label Update |{"f:metadata":{"f:labels":{"f:tier":{}}}}')
    sb.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: "1"\n')
    sb.run(['apply', '-f', 'cm.yaml'])
    expect(managed('cm/cm')).to.deep.equal([
      'kubectl-client-side-apply Update |{"f:data":{".":{},"f:a":{}},"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}}}',
    ])
  })

  it('shows managedFields in -o yaml only with --show-managed-fields, in kubectl\'s order', () => {
    sb.write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: {a: "1"}\ndata:\n  k: v\n')
    sb.run(['apply', '--server-side', '-f', 'cm.yaml'])
    expect(sb.run(['get', 'cm', 'cm', '-o', 'yaml']).stdout).to.not.include('managedFields')
    const yaml = sb.run(['get', 'cm', 'cm', '-o', 'yaml', '--show-managed-fields']).stdout.replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g, 'T').replace(/ (uid|resourceVersion): .*/g, ' $1: X')
    expect(yaml).to.equal(`apiVersion: v1
data:
  k: v
kind: ConfigMap
metadata:
  creationTimestamp: T
  labels:
    a: "1"
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:data:
        f:k: {}
      f:metadata:
        f:labels:
          f:a: {}
    manager: kubectl
    operation: Apply
    time: T
  name: cm
  namespace: default
  resourceVersion: X
  uid: X
`)
  })
})
