// Behaviours kubectl's own command tests (test/cmd/*.sh) check, each as kubectl 1.35 and a 1.35 API
// server show it: what is printed, the exit code and the state after.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const LABELLED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    a: b\n'
const NULL_LABELS = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: null\n'
const DEPLOYMENT = (app: string, rv?: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${rv ? `  resourceVersion: "${rv}"\n` : ''}spec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n`

describe('kubectl test-cmd behaviours', function () {
  this.timeout(300_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-cmdbugs-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  const ok = (stdout: string, stderr = '') => ({stdout, stderr, code: 0})

  it('apply with `labels: null` after labels drops them: the API server keeps no null fields', () => {
    expect(sb.run(['apply', '-f', sb.write('a.yaml', LABELLED)])).to.deep.equal(ok('configmap/cm created\n'))
    expect(sb.run(['apply', '-f', sb.write('b.yaml', NULL_LABELS)])).to.deep.equal(ok('configmap/cm configured\n'))
    expect(sb.run(['get', 'cm', 'cm', '-o', 'jsonpath={.metadata.labels}'])).to.deep.equal(ok(''))
    const yaml = sb.run(['get', 'cm', 'cm', '-o', 'yaml']).stdout
    expect(yaml).to.not.match(/^ {2}labels:/m)
    // the last-applied configuration is the file as kubectl read it, null included
    expect(yaml).to.include('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"labels":null,"name":"cm","namespace":"default"}}')
    // created with null labels: none stored either
    sb.run(['delete', 'cm', 'cm'])
    expect(sb.run(['create', '-f', sb.write('b.yaml', NULL_LABELS)])).to.deep.equal(ok('configmap/cm created\n'))
    expect(sb.run(['get', 'cm', 'cm', '-o', 'jsonpath={.metadata.labels}'])).to.deep.equal(ok(''))
  })

  it('apply with a stale resourceVersion and an immutable change answers Conflict (the precondition comes first)', () => {
    expect(sb.run(['apply', '-f', sb.write('d.yaml', DEPLOYMENT('web'))])).to.deep.equal(ok('deployment.apps/web created\n'))
    const rv = sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout
    expect(sb.run(['label', 'deploy', 'web', 'x=y']).code).to.equal(0)
    const file = sb.write('d2.yaml', DEPLOYMENT('web2', rv))
    const lastApplied = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {annotations: {}, name: 'web', namespace: 'default', resourceVersion: rv},
      spec: {selector: {matchLabels: {app: 'web2'}}, template: {metadata: {labels: {app: 'web2'}}, spec: {containers: [{image: 'nginx:1.27', name: 'app'}]}}},
    })
    const patch = `{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${JSON.stringify(lastApplied + '\n')}},"resourceVersion":"${rv}"},"spec":{"selector":{"matchLabels":{"app":"web2"}},"template":{"metadata":{"labels":{"app":"web2"}}}}}`
    expect(sb.run(['apply', '-f', file])).to.deep.equal({
      stdout: '',
      stderr:
        `Error from server (Conflict): error when applying patch:\n${patch}\nto:\n` +
        'Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "default"\n' +
        `for: "${file}": error when patching "${file}": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n`,
      code: 1,
    })
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.selector.matchLabels.app}'])).to.deep.equal(ok('web'))
    // with the current resourceVersion the same change reaches validation
    const current = sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout
    const r = sb.run(['apply', '-f', sb.write('d3.yaml', DEPLOYMENT('web2', current))])
    expect(r.code).to.equal(1)
    expect(r.stderr).to.match(/^The Deployment "web" is invalid: spec\.selector: Invalid value: .*field is immutable\n$/)
  })

  it('get on an empty namespace: only the table formats say "No resources found"; custom-columns prints its header', () => {
    expect(sb.run(['create', 'namespace', 'empty']).code).to.equal(0)
    const get = (...o: string[]) => sb.run(['get', 'pods', '-n', 'empty', ...o])
    expect(get()).to.deep.equal(ok('', 'No resources found in empty namespace.\n'))
    expect(get('-o', 'wide')).to.deep.equal(ok('', 'No resources found in empty namespace.\n'))
    expect(get('-o', 'custom-columns=NAME:.metadata.name')).to.deep.equal(ok('NAME\n'))
    expect(get('-o', 'custom-columns=NAME:.metadata.name', '--no-headers')).to.deep.equal(ok(''))
    expect(get('-o', 'name')).to.deep.equal(ok(''))
    expect(get('-o', 'jsonpath={.items}')).to.deep.equal(ok('[]'))
    expect(get('-o', 'yaml')).to.deep.equal(ok('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'))
    expect(get('-o', 'json')).to.deep.equal(ok('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n'))
  })

  it('a bare --validate means strict and a bare --cascade background (pflag NoOptDefVal); other values as kubectl reads them', () => {
    const file = sb.write('a.yaml', LABELLED)
    expect(sb.run(['apply', '--validate', '-f', file])).to.deep.equal(ok('configmap/cm created\n'))
    expect(sb.run(['apply', '-f', file, '--validate'])).to.deep.equal(ok('configmap/cm unchanged\n'))
    for (const v of ['true', 'false', 'strict', 'warn', 'ignore', 'T', '0']) expect(sb.run(['apply', '-f', file, `--validate=${v}`])).to.deep.equal(ok('configmap/cm unchanged\n'))
    const bad = 'error: invalid - validate option "Strict"; must be one of: strict (or true), warn, ignore (or false)\n'
    expect(sb.run(['apply', '-f', file, '--validate=Strict'])).to.deep.equal({stdout: '', stderr: bad, code: 1})
    expect(sb.run(['create', 'configmap', 'c2']).code).to.equal(0)

    expect(sb.run(['delete', '--cascade', 'cm', 'cm'])).to.deep.equal(ok('configmap "cm" deleted from default namespace\n'))
    for (const v of ['background', 'foreground', 'orphan']) {
      expect(sb.run(['delete', 'cm', 'c2', `--cascade=${v}`, '--dry-run=client'])).to.deep.equal(ok('configmap "c2" deleted from default namespace (dry run)\n'))
    }
    const deprecated = (v: string, to: string) => `warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${to}.\n`
    expect(sb.run(['delete', 'cm', 'c2', '--cascade=true', '--dry-run=client'])).to.deep.equal(ok('configmap "c2" deleted from default namespace (dry run)\n', deprecated('true', 'background')))
    expect(sb.run(['delete', 'cm', 'c2', '--cascade=false', '--dry-run=client'])).to.deep.equal(ok('configmap "c2" deleted from default namespace (dry run)\n', deprecated('false', 'orphan')))
    expect(sb.run(['delete', 'cm', 'c2', '--cascade=Orphan'])).to.deep.equal({stdout: '', stderr: 'error: invalid cascade value (Orphan). Must be "background", "foreground", or "orphan"\n', code: 1})
    expect(sb.run(['get', 'cm', 'c2', '-o', 'name'])).to.deep.equal(ok('configmap/c2\n'))
  })

  it('deleting cluster-scoped objects with -n warns once that the namespace does not scope them', () => {
    const warning = 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n'
    for (const n of ['n1', 'n2']) expect(sb.run(['create', 'namespace', n]).code).to.equal(0)
    expect(sb.run(['delete', 'namespace', 'n1', 'n2', '-n', 'x', '--wait=false'])).to.deep.equal(
      ok('namespace "n1" deleted\nnamespace "n2" deleted\n', warning),
    )
    // no -n (the context's namespace does not count), or -A: no warning
    expect(sb.run(['create', 'namespace', 'n3']).code).to.equal(0)
    expect(sb.run(['delete', 'namespace', 'n3', '--dry-run=client'])).to.deep.equal(ok('namespace "n3" deleted (dry run)\n'))
    expect(sb.run(['delete', 'namespace', 'n3', '-n', 'x', '-A', '--dry-run=client'])).to.deep.equal(ok('namespace "n3" deleted (dry run)\n'))
    // namespaced objects with -n: none
    expect(sb.run(['create', 'configmap', 'c', '-n', 'n3']).code).to.equal(0)
    expect(sb.run(['delete', 'configmap', 'c', '-n', 'n3'])).to.deep.equal(ok('configmap "c" deleted from n3 namespace\n'))
  })

  it('help pages open with kubectl\'s Long text, final punctuation included; unknown commands get cobra\'s SuggestFor', () => {
    expect(sb.run(['uncordon', '--help']).stdout).to.match(/^Mark node as schedulable\.\n\nUSAGE\n/)
    expect(sb.run(['cordon', '--help']).stdout).to.match(/^Mark node as unschedulable\.\n\nUSAGE\n/)
    const create = sb.run(['create', '--help']).stdout
    expect(create).to.match(/^Create a resource from a file or from stdin\.\n\n JSON and YAML formats are accepted\.\n\nUSAGE\n/)
    expect(create).to.not.include('DESCRIPTION')
    // the Short texts stay for lists
    expect(sb.run(['--help']).stdout).to.match(/\n {2}uncordon +Mark node as schedulable\n/)
    expect(sb.run(['--help']).stdout).to.match(/\n {2}wait +Wait for a specific condition on one or many resources\n/)
    expect(sb.run(['list'])).to.deep.equal({stdout: '', stderr: 'error: unknown command "list" for "ksim"\n\nDid you mean this?\n\tget\n\twait\n', code: 1})
    expect(sb.run(['rm'])).to.deep.equal({stdout: '', stderr: 'error: unknown command "rm" for "ksim"\n\nDid you mean this?\n\trun\n\tdelete\n', code: 1})
  })

  it('config set-context creates a context with whatever it is given, as kubectl does (--user too)', () => {
    // a fresh home, as the suite's own setup starts
    expect(sb.run(['config', 'set-context', 'test', '--namespace=x'])).to.deep.equal(ok('Context "test" created.\n'))
    expect(sb.run(['config', 'set-context', 'test', '--user=test-admin'])).to.deep.equal(ok('Context "test" modified.\n'))
    expect(sb.run(['config', 'get-contexts', 'test']).stdout).to.equal(
      'CURRENT   NAME   CLUSTER   AUTHINFO     NAMESPACE\n          test             test-admin   x\n',
    )
    expect(sb.run(['config', 'use-context', 'test'])).to.deep.equal(ok('Switched to context "test".\n'))
    // a context without a cluster reaches none: said plainly, nothing created
    expect(sb.run(['get', 'pods'])).to.deep.equal({
      stdout: '',
      stderr: "error: context \"test\" names no cluster; set one with 'ksim config set-context test --cluster=NAME'\n",
      code: 1,
    })
    expect(sb.run(['config', 'set-context', '--current', '--cluster=ksim', '--user='])).to.deep.equal(ok('Context "test" modified.\n'))
    expect(sb.run(['config', 'get-contexts', 'test']).stdout).to.equal(
      'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         test   ksim                 x\n',
    )
  })
})
