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
      - {name: side, image: redis}
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`

describe('ksim set selector, set resources and set serviceaccount (API only)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', '-f', sb.write('app.yaml', APP)]).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  const get = (obj: string, path: string) => sb.run(['get', obj, '-o', `jsonpath=${path}`]).stdout
  const ok = (stdout: string, stderr = '') => ({stdout, stderr, code: 0})
  const fails = (stderr: string, stdout = '') => ({stdout, stderr, code: 1})

  it('replaces a service selector, from the server or a local file, and honours --resource-version', () => {
    expect(sb.run(['set', 'selector', 'svc', 'svc', 'role=padawan,app=x'])).to.deep.equal(ok('service/svc selector updated\n'))
    expect(get('svc/svc', '{.spec.selector}')).to.equal('{"app":"x","role":"padawan"}')
    expect(get('svc/svc', '{.metadata.managedFields[*].manager}')).to.equal('kubectl-create kubectl-set')
    const file = sb.write('svc.yaml', sb.run(['get', 'svc/svc', '-o', 'yaml']).stdout)
    expect(sb.run(['set', 'selector', '-f', file, 'tier=db', '--local', '-o', 'jsonpath={.spec.selector}'])).to.deep.equal(ok('{"tier":"db"}'))
    expect(sb.run(['set', 'selector', 'svc/svc', 'tier=db', '--dry-run=client', '-o', 'name'])).to.deep.equal(ok('service/svc\n'))
    expect(get('svc/svc', '{.spec.selector}')).to.equal('{"app":"x","role":"padawan"}')
    expect(sb.run(['set', 'selector', 'svc/svc', 'a=b', '--resource-version=1'])).to.deep.equal(fails('Error from server (Conflict): Operation cannot be fulfilled on services "svc": the object has been modified; please apply your changes to the latest version and try again\n'))
    const rv = get('svc/svc', '{.metadata.resourceVersion}')
    expect(sb.run(['set', 'selector', 'svc/svc', 'a=b', `--resource-version=${rv}`])).to.deep.equal(ok('service/svc selector updated\n'))
    // an empty selector removes it
    expect(sb.run(['set', 'selector', 'svc/svc', ''])).to.deep.equal(ok('service/svc selector updated\n'))
    expect(get('svc/svc', '{.spec}')).not.to.include('selector')
  })

  it("refuses what kubectl refuses, with its messages", () => {
    expect(sb.run(['set', 'selector', 'svc/svc', 'app in (a,b)'])).to.deep.equal(fails('error: match expression [{app In [a b]}] not supported on this object\n'))
    expect(sb.run(['set', 'selector', 'deploy/web', 'a=b'])).to.deep.equal(fails('error: setting a selector is only supported for Services\n'))
    expect(sb.run(['set', 'selector'])).to.deep.equal(fails('error: one selector is required\n'))
    expect(sb.run(['set', 'selector', 'svc/svc', 'x=('])).to.deep.equal(fails(`error: couldn't parse the selector string "x=(": unable to parse requirement: found '(', expected: identifier\n`))
    expect(sb.run(['set', 'selector', 'svc/svc', 'a>1'])).to.deep.equal(fails(`error: "gt" isn't supported in label selectors\n`))
    expect(sb.run(['set', 'selector', 'svc/svc,deploy/web', 'a=b'])).to.deep.equal(fails('error: arguments in resource/name form may not have more than one slash\n'))
    expect(get('svc/svc', '{.spec.selector}')).to.equal('{"app":"web"}')
  })

  it('sets limits and requests on the selected containers, in canonical quantities', () => {
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu=0.2,memory=512Mi'])).to.deep.equal(ok('deployment.apps/web resource requirements updated\n'))
    const all = '{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"200m","memory":"512Mi"}}'
    expect(get('deploy/web', '{.spec.template.spec.containers[*].resources} {.spec.template.spec.initContainers[*].resources}')).to.equal(`${all} ${all} ${all}`)
    expect(sb.run(['set', 'resources', 'deploy', 'web', '-c=nginx', '--requests=cpu=100m'])).to.deep.equal(ok('deployment.apps/web resource requirements updated\n'))
    expect(get('deploy/web', '{.spec.template.spec.containers[0].resources.requests.cpu}')).to.equal('100m')
    expect(sb.run(['set', 'resources', 'deploy/web', '-c', 'si*', '--limits=cpu=400m', '--dry-run=server', '-o', 'jsonpath={.spec.template.spec.containers[*].resources.limits.cpu}'])).to.deep.equal(ok('200m 400m'))
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu=200m', '--dry-run=client'])).to.deep.equal(ok(''))
    const file = sb.write('web.yaml', sb.run(['get', 'deploy/web', '-o', 'yaml']).stdout)
    expect(sb.run(['set', 'resources', '-f', file, '--limits=cpu=300m', '-c', 'side', '--local', '-o', 'jsonpath={.spec.template.spec.containers[1].resources.limits.cpu}'])).to.deep.equal(ok('300m'))
    expect(get('deploy/web', '{.spec.template.spec.containers[1].resources.limits.cpu}')).to.equal('200m')
  })

  it("checks --limits and --requests, and reports what the API server refuses", () => {
    const quantity = "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu=abc'])).to.deep.equal(fails(quantity))
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu=1k1'])).to.deep.equal(fails("error: unable to parse quantity's suffix\n"))
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu'])).to.deep.equal(fails('error: Invalid argument syntax cpu, expected <resource>=<value>\n'))
    expect(sb.run(['set', 'resources', 'deploy/web'])).to.deep.equal(fails('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n'))
    expect(sb.run(['set', 'resources', 'deploy/web', '-c=redis', '--limits=cpu=1'])).to.deep.equal(fails('error: unable to find container named redis\n'))
    expect(sb.run(['set', 'resources', 'deploy/nope', '--limits=cpu=1'])).to.deep.equal(fails('Error from server (NotFound): deployments.apps "nope" not found\n'))
    expect(sb.run(['set', 'resources', 'svc/svc', '--limits=cpu=1'])).to.deep.equal(fails('error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n'))
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu=1', '--local'])).to.deep.equal(fails("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"))
    expect(sb.run(['set', 'resources', 'deploy/web', '--limits=cpu=100m', '-c', 'nginx']).code).to.equal(0)
    expect(sb.run(['set', 'resources', 'deploy/web', '--requests=cpu=2', '-c', 'nginx'])).to.deep.equal(fails('error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 100m\n'))
  })

  it('sets the service account of pod templates, reporting every object found', () => {
    expect(sb.run(['set', 'serviceaccount', 'deploy', 'web', 'sa1'])).to.deep.equal(ok('deployment.apps/web serviceaccount updated\n'))
    expect(get('deploy/web', '{.spec.template.spec.serviceAccountName}')).to.equal('sa1')
    // unchanged, it is still patched and reported, as kubectl does
    expect(sb.run(['set', 'sa', 'deploy/web', 'sa1'])).to.deep.equal(ok('deployment.apps/web serviceaccount updated\n'))
    expect(sb.run(['set', 'sa', 'deploy', '--all', 'sa2', '--dry-run=server', '-o', 'jsonpath={.spec.template.spec.serviceAccountName}'])).to.deep.equal(ok('sa2'))
    const file = sb.write('web.yaml', sb.run(['get', 'deploy/web', '-o', 'yaml']).stdout)
    expect(sb.run(['set', 'sa', '-f', file, 'sa3', '--local', '-o', 'jsonpath={.spec.template.spec.serviceAccountName}'])).to.deep.equal(ok('sa3'))
    expect(get('deploy/web', '{.spec.template.spec.serviceAccountName}')).to.equal('sa1')
    expect(sb.run(['set', 'sa'])).to.deep.equal(fails('error: serviceaccount is required\n'))
    expect(sb.run(['set', 'sa', 'svc/svc', 'x'])).to.deep.equal(fails('error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n'))
    expect(sb.run(['set', 'sa', 'deploy/web', 'x', '--local', '--dry-run=server'])).to.deep.equal(fails('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n'))
  })
})
