import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        env: [{name: A, value: "1"}, {name: B, value: "2"}]
      - {name: side, image: redis}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data: {a: "1", b: "2"}
`

describe('ksim patch', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', '-f', sb.write('app.yaml', APP)]).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  const get = (obj: string, path: string) => sb.run(['get', obj, '-o', `jsonpath=${path}`]).stdout
  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})
  const fails = (stderr: string, stdout = '') => ({stdout, stderr, code: 1})

  it('applies a strategic merge patch: containers and env merge by name, and an unchanged object says so', () => {
    const patch = '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"C","value":"3"},{"name":"A","$patch":"delete"}]},{"name":"side","image":"redis:7"}]}}}}'
    expect(sb.run(['patch', 'deployment', 'web', '-p', patch])).to.deep.equal(ok('deployment.apps/web patched\n'))
    // a new item goes before the server's items it does not follow (as kubectl 1.32 orders them)
    expect(get('deploy/web', '{.spec.template.spec.containers[*].image} {.spec.template.spec.containers[0].env[*].name} {.metadata.generation}')).to.equal('nginx redis:7 C B 2')
    const rv = get('deploy/web', '{.metadata.resourceVersion}')
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":2}}'])).to.deep.equal(ok('deployment.apps/web patched (no change)\n'))
    expect(get('deploy/web', '{.metadata.resourceVersion}')).to.equal(rv)
  })

  it('takes the patch as YAML, from --patch-file, and as a merge or JSON patch', () => {
    expect(sb.run(['patch', 'cm', 'cm', '-p', 'data:\n  a: null\n  c: "3"'])).to.deep.equal(ok('configmap/cm patched\n'))
    expect(sb.run(['patch', 'cm', 'cm', '--type', 'merge', '--patch-file', sb.write('p.yaml', 'data: {d: "4"}\n')])).to.deep.equal(ok('configmap/cm patched\n'))
    expect(sb.run(['patch', 'configmap/cm', '--type=json', '-p', '[{"op":"move","from":"/data/b","path":"/data/e"}]'])).to.deep.equal(ok('configmap/cm patched\n'))
    expect(get('cm/cm', '{.data}')).to.equal('{"c":"3","d":"4","e":"2"}')
    // a merge patch replaces lists whole
    expect(sb.run(['patch', 'deploy', 'web', '--type', 'merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"busybox"}]}}}}']).code).to.equal(0)
    expect(get('deploy/web', '{.spec.template.spec.containers[*].name}')).to.equal('only')
  })

  it('stores nothing with --dry-run, prints no dry-run suffix (kubectl overwrites it), and prints with -o', () => {
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":5}}', '--dry-run=client'])).to.deep.equal(ok('deployment.apps/web patched\n'))
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":5}}', '--dry-run=server', '-o', 'name'])).to.deep.equal(ok('deployment.apps/web\n'))
    expect(get('deploy/web', '{.spec.replicas}')).to.equal('2')
    const json = JSON.parse(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":4}}', '-o', 'json']).stdout) as {spec: {replicas: number}}
    expect(json.spec.replicas).to.equal(4)
    expect(get('deploy/web', '{.spec.replicas}')).to.equal('4')
  })

  it('patches a file with --local, leaving the cluster alone', () => {
    const file = sb.write('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n')
    expect(sb.run(['patch', '-f', file, '--local', '-p', '{"spec":{"containers":[{"name":"c","image":"x"}]}}', '-o', 'yaml'])).to.deep.equal(
      ok('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: x\n    name: c\n'),
    )
    expect(sb.run(['patch', '-f', file, '--local', '-p', '{"metadata":{"name":"p"}}'])).to.deep.equal(ok('pod/p patched (no change)\n'))
    expect(sb.run(['patch', '-f', file, '--local', '--type', 'json', '-p', '[{"op":"test","path":"/metadata/name","value":"q"}]'])).to.deep.equal(
      fails('error: testing value /metadata/name failed: test failed\n'),
    )
    expect(sb.run(['get', 'pods']).stderr).to.equal('No resources found in default namespace.\n')
  })

  it("refuses bad requests with kubectl's words, before reading anything", () => {
    expect(sb.run(['patch', 'cm', 'cm'])).to.deep.equal(fails('error: must specify --patch or --patch-file containing the contents of the patch\n'))
    expect(sb.run(['patch', 'cm', 'cm', '-p', '{}', '--patch-file', 'x'])).to.deep.equal(fails('error: cannot specify --patch and --patch-file together\n'))
    expect(sb.run(['patch', 'cm', 'cm', '-p', '{}', '--local'])).to.deep.equal(fails('error: cannot specify --local and server resources\n'))
    expect(sb.run(['patch', '-f', 'x.yaml', '-p', '{}', '--local', '--dry-run=server'])).to.deep.equal(fails('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n'))
    expect(sb.run(['patch', 'cm', 'cm', '-p', '{}', '--type', 'yaml'])).to.deep.equal(fails('error: --type must be one of [json merge strategic], not "yaml"\n'))
    expect(sb.run(['patch', 'cm', 'cm', '-p', 'a: ['])).to.deep.equal(fails('error: unable to parse "a: [": yaml: line 1: did not find expected node content\n'))
    expect(sb.run(['patch', 'cm', 'cm', '--patch-file', '/nope/p.json'])).to.deep.equal(fails('error: unable to read patch file: open /nope/p.json: no such file or directory\n'))
  })

  it("reports the API server's errors: not found, bad body, failed test, invalid and immutable fields", () => {
    expect(sb.run(['patch', 'deploy', 'nope', '-p', '{}'])).to.deep.equal(fails('Error from server (NotFound): deployments.apps "nope" not found\n'))
    // a missing object fails alone: the others are still patched
    expect(sb.run(['patch', 'cm', 'gone', 'cm', '-p', '{"data":{"z":"9"}}'])).to.deep.equal(fails('Error from server (NotFound): configmaps "gone" not found\n', 'configmap/cm patched\n'))
    expect(get('cm/cm', '{.data.z}')).to.equal('9')
    expect(sb.run(['patch', 'cm', 'cm', '-p', '{bad'])).to.deep.equal(fails("Error from server (BadRequest): invalid character 'b' looking for beginning of object key string\n"))
    expect(sb.run(['patch', 'cm', 'cm', '--type', 'json', '-p', '[{"op":"test","path":"/data/a","value":"9"}]'])).to.deep.equal(
      fails('The request is invalid: the server rejected our request due to an error in our request\n'),
    )
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'])).to.deep.equal(
      fails('Error from server: map: map[image:x] does not contain declared merge key: name\n'),
    )
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":"x"}}'])).to.deep.equal(
      fails('The request is invalid: patch: Invalid value: "map[spec:map[replicas:x]]": json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n'),
    )
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":-1}}'])).to.deep.equal(
      fails('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'),
    )
    expect(sb.run(['patch', 'deploy/web', '-p', '{"spec":{"selector":{"matchLabels":{"app":"web","x":"y"}},"template":{"metadata":{"labels":{"x":"y"}}}}}']).stderr).to.equal(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    )
    expect(get('deploy/web', '{.spec.replicas} {.metadata.generation}')).to.equal('2 1')
  })

  it('patches the scale and status subresources: a Scale in, replicas written to the workload; status only', () => {
    expect(sb.run(['patch', 'deploy', 'web', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":4}}'])).to.deep.equal(ok('scale.autoscaling/web patched\n'))
    expect(get('deploy/web', '{.spec.replicas} {.metadata.generation}')).to.equal('4 2')
    expect(sb.run(['patch', 'deploy', 'web', '--subresource', 'scale', '-p', '{"spec":{"replicas":4}}'])).to.deep.equal(ok('scale.autoscaling/web patched (no change)\n'))
    const scale = sb.run(['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":3}}', '--dry-run=server', '-o', 'yaml']).stdout
    expect(scale).to.match(/^apiVersion: autoscaling\/v1\nkind: Scale\nmetadata:\n[^]*\nspec:\n {2}replicas: 3\nstatus:\n {2}replicas: 0\n {2}selector: app=web\n$/)
    expect(sb.run(['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":-1}}'])).to.deep.equal(
      fails('The Scale "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'),
    )
    expect(sb.run(['patch', 'cm', 'cm', '--subresource=scale', '-p', '{}'])).to.deep.equal(fails('Error from server (NotFound): the server could not find the requested resource\n'))
    expect(sb.run(['patch', 'cm', 'cm', '--subresource=spec', '-p', '{}'])).to.deep.equal(fails('error: invalid subresource value: "spec". Must be one of [status scale]\n'))
    // through status, spec changes are dropped
    const status = '{"spec":{"paused":true},"status":{"observedGeneration":7}}'
    expect(sb.run(['patch', 'deploy', 'web', '--subresource=status', '--type=merge', '-p', status])).to.deep.equal(ok('deployment.apps/web patched\n'))
    expect(get('deploy/web', '{.status.observedGeneration} {.spec.paused}')).to.equal('7 ')
    expect(sb.run(['patch', 'deploy', 'web', '--subresource=status', '-p', '{"spec":{"paused":true}}'])).to.deep.equal(ok('deployment.apps/web patched (no change)\n'))
  })

  it('keeps the stored status when a patch or replace of the object itself carries one (status changes only through /status)', () => {
    // a namespace whose phase a client could set to Terminating would be emptied by the namespace controller
    expect(sb.run(['create', 'namespace', 'zz']).code).to.equal(0)
    expect(sb.run(['patch', 'ns', 'zz', '--type', 'merge', '-p', '{"status":{"phase":"Terminating"}}'])).to.deep.equal(ok('namespace/zz patched (no change)\n'))
    expect(get('ns/zz', '{.status.phase}')).to.equal('Active')
    expect(sb.run(['patch', 'deploy', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":3},"status":{"observedGeneration":9}}'])).to.deep.equal(ok('deployment.apps/web patched\n'))
    expect(get('deploy/web', '{.spec.replicas} {.status.observedGeneration}')).to.equal('3 ')
    const live = sb.run(['get', 'ns', 'zz', '-o', 'json']).stdout.replace('"Active"', '"Terminating"')
    expect(sb.run(['replace', '-f', '-'], {input: live})).to.deep.equal(ok('namespace/zz replaced\n'))
    expect(get('ns/zz', '{.status.phase}')).to.equal('Active')
  })
})
