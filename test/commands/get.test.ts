import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const pod = (name: string, labels = 'app: web') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    ${labels}
spec:
  containers:
  - name: c
    image: nginx:1.27
---
`

describe('ksim get', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    const f = sb.write('pods.yaml', pod('web-1') + pod('web-2') + pod('db-0', 'app: db'))
    expect(sb.run(['create', '-f', f]).code).to.equal(0)
  })
  after(() => sb.cleanup())

  // ages move with the clock: replace them, keeping each table's own alignment (columns are
  // padded to the widest cell, so an age width change can shift the columns after it)
  const cut = (s: string) => s.replace(/\b\d+s\b/g, 'AGE').replace(/AGE {3,}(?=\S)/g, 'AGE   ')

  it('lists pods with kubectl\'s columns, in name order', () => {
    const r = sb.run(['get', 'pods'])
    expect(cut(r.stdout)).to.equal(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'db-0    0/1     Pending   0          AGE\n' +
        'web-1   0/1     Pending   0          AGE\n' +
        'web-2   0/1     Pending   0          AGE\n',
    )
    expect(r.code).to.equal(0)
  })

  it('accepts every name of the pod type and TYPE/NAME', () => {
    for (const t of ['po', 'pod', 'pods', 'Pod', 'pods.v1.']) expect(sb.run(['get', t, 'db-0', '-o', 'name']).stdout, t).to.equal('pod/db-0\n')
    expect(sb.run(['get', 'pod/db-0', 'pod/web-1', '-o', 'name']).stdout).to.equal('pod/db-0\npod/web-1\n')
  })

  it('filters by label selector and prints labels', () => {
    expect(cut(sb.run(['get', 'pods', '-l', 'app=db', '--show-labels']).stdout)).to.equal(
      'NAME   READY   STATUS    RESTARTS   AGE   LABELS\ndb-0   0/1     Pending   0          AGE   app=db\n',
    )
    expect(sb.run(['get', 'pods', '-l', 'app in (web)', '-o', 'name']).stdout).to.equal('pod/web-1\npod/web-2\n')
    expect(sb.run(['get', 'pods', '-l', 'app!=web', '-o', 'name']).stdout).to.equal('pod/db-0\n')
  })

  it('prints yaml and json for one object and a List for several', () => {
    const one = JSON.parse(sb.run(['get', 'pod', 'db-0', '-o', 'json']).stdout)
    expect(one.kind).to.equal('Pod')
    expect(one.metadata.name).to.equal('db-0')
    const list = JSON.parse(sb.run(['get', 'pods', '-o', 'json']).stdout)
    expect(list.kind).to.equal('List')
    expect(list.items.map((i: {metadata: {name: string}}) => i.metadata.name)).to.deep.equal(['db-0', 'web-1', 'web-2'])
    expect(sb.run(['get', 'pods', '-o', 'yaml']).stdout).to.match(/^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n/)
  })

  it('lists across namespaces with -A and says so when nothing is found', () => {
    expect(sb.run(['get', 'pods', '-A', '-o', 'custom-columns=NS:.metadata.namespace,NAME:.metadata.name', '--no-headers']).stdout).to.equal(
      'default   db-0\ndefault   web-1\ndefault   web-2\n',
    )
    expect(sb.run(['get', 'pods', '-n', 'kube-system'])).to.deep.equal({stdout: '', stderr: 'No resources found in kube-system namespace.\n', code: 0})
    expect(sb.run(['get', 'secrets', '-A'])).to.deep.equal({stdout: '', stderr: 'No resources found\n', code: 0})
    expect(sb.run(['get', 'pods', '-l', 'app=none', '-o', 'json']).stdout).to.equal(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    )
  })

  it('shows nodes and namespaces of the default cluster', () => {
    const nodes = cut(sb.run(['get', 'nodes']).stdout)
    expect(nodes).to.equal(
      'NAME                 STATUS   ROLES           AGE   VERSION\n' +
        'ksim-control-plane   Ready    control-plane   AGE   v1.35.2\n' +
        'ksim-worker          Ready    <none>          AGE   v1.35.2\n' +
        'ksim-worker2         Ready    <none>          AGE   v1.35.2\n',
    )
    expect(sb.run(['get', 'ns', '-o', 'name']).stdout).to.equal('namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n')
  })

  it('prints sections with TYPE/NAME for several types', () => {
    const r = cut(sb.run(['get', 'pods,namespaces', '-l', 'app=db']).stdout)
    expect(r).to.equal('NAME       READY   STATUS    RESTARTS   AGE\npod/db-0   0/1     Pending   0          AGE\n')
  })

  it('prints rows for names that exist and NotFound for the rest, exiting 1', () => {
    const r = sb.run(['get', 'pods', 'db-0', 'nope', '-o', 'name'])
    expect(r).to.deep.equal({stdout: 'pod/db-0\n', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1})
    expect(sb.run(['get', 'pods', 'nope', '--ignore-not-found'])).to.deep.equal({stdout: '', stderr: '', code: 0})
  })

  it('gives kubectl\'s errors for unknown types, formats and selectors', () => {
    expect(sb.run(['get', 'foo'])).to.deep.equal({stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', code: 1})
    expect(sb.run(['get', 'pods', '-o', 'xml']).stderr).to.equal(
      'error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    )
    expect(sb.run(['get', 'pods', '--field-selector', 'spec.foo=bar']).stderr).to.equal(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    )
    expect(sb.run(['get', 'pods', 'pod/db-0']).stderr).to.match(/^error: there is no need to specify a resource type as a separate argument/)
    expect(sb.run(['get', 'pods', '--bogus'])).to.deep.equal({stdout: '', stderr: "error: unknown flag: --bogus\nSee 'ksim get --help' for usage.\n", code: 1})
  })

  it('selects by field: name, phase and node', () => {
    expect(sb.run(['get', 'pods', '--field-selector', 'metadata.name=web-2', '-o', 'name']).stdout).to.equal('pod/web-2\n')
    expect(sb.run(['get', 'pods', '--field-selector', 'status.phase!=Pending', '-o', 'name']).stderr).to.equal('')
    expect(sb.run(['get', 'pods', '--field-selector', 'spec.nodeName==', '-o', 'name']).stdout).to.equal('pod/db-0\npod/web-1\npod/web-2\n')
  })

  it('sorts by a field and prints jsonpath ranges', () => {
    expect(sb.run(['get', 'pods', '--sort-by', '{.metadata.labels.app}', '-o', 'name']).stdout).to.equal('pod/db-0\npod/web-1\npod/web-2\n')
    const tpl = '{range .items[*]}{.metadata.name}{"\\t"}{.metadata.labels.app}{"\\n"}{end}'
    expect(sb.run(['get', 'pods', '-o', `jsonpath=${tpl}`]).stdout).to.equal('db-0\tdb\nweb-1\tweb\nweb-2\tweb\n')
  })
})
