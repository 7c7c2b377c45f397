// A ReplicationController as a user drives it: the real CLI and a real background reconciler. The
// replication manager creates, replaces and removes pods; scale checks its preconditions; delete cascades.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: frontend
spec:
  replicas: 3
  template:
    metadata:
      labels:
        app: guestbook
        tier: frontend
    spec:
      terminationGracePeriodSeconds: 0
      containers:
      - name: php-redis
        image: gb-frontend:v4
`

describe('replicationcontroller end to end (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  const waitReady = (n: number) =>
    expect(sb.run(['wait', `--for=jsonpath={.status.readyReplicas}=${n}`, 'rc/frontend', '--timeout=90s'])).to.deep.include({stdout: 'replicationcontroller/frontend condition met\n', code: 0})
  const podNames = () => sb.run(['get', 'pods', '-l', 'app=guestbook', '-o', 'name']).stdout.split('\n').filter(Boolean)

  it('runs the pods, scales with --current-replicas and --resource-version preconditions, and deletes them with the controller', () => {
    expect(sb.run(['create', '-f', '-'], {input: RC})).to.deep.include({stdout: 'replicationcontroller/frontend created\n', code: 0})
    waitReady(3)
    expect(sb.run(['get', 'rc', 'frontend', '--no-headers']).stdout).to.match(/^frontend +3 +3 +3 +\d+s\n$/)
    expect(sb.run(['get', 'rc', '-o', 'wide', '--no-headers']).stdout).to.match(/^frontend +3 +3 +3 +\d+s +php-redis +gb-frontend:v4 +app=guestbook,tier=frontend\n$/)
    expect(podNames()).to.have.length(3)
    expect(sb.run(['get', 'rc', 'frontend', '-o', 'jsonpath={.metadata.labels.tier} {.spec.selector.app}']).stdout).to.equal('frontend guestbook')

    expect(sb.run(['scale', '--current-replicas=2', '--replicas=1', 'rc', 'frontend'])).to.deep.equal({stdout: '', stderr: 'error: Expected replicas to be 2, was 3\n', code: 1})
    const rv = sb.run(['get', 'rc', 'frontend', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout
    expect(sb.run(['scale', '--resource-version=1', '--replicas=1', 'rc/frontend'])).to.deep.equal({stdout: '', stderr: `error: Expected resource version to be 1, was ${rv}\n`, code: 1})
    expect(sb.run(['get', 'rc', 'frontend', '-o', 'jsonpath={.spec.replicas}']).stdout).to.equal('3')
    expect(sb.run(['scale', '--current-replicas=3', '--replicas=1', 'replicationcontrollers', 'frontend'])).to.deep.equal({stdout: 'replicationcontroller/frontend scaled\n', stderr: '', code: 0})
    expect(sb.run(['wait', '--for=jsonpath={.status.replicas}=1', 'rc/frontend', '--timeout=90s']).code).to.equal(0)
    const reasons = sb.run(['get', 'events', '--field-selector', 'involvedObject.name=frontend', '-o', 'jsonpath={range .items[*]}{.reason}/{.source.component}{"\\n"}{end}']).stdout
    expect(reasons.split('\n').filter(Boolean).sort()).to.deep.equal([...Array(3).fill('SuccessfulCreate/replication-controller'), ...Array(2).fill('SuccessfulDelete/replication-controller')])

    expect(sb.run(['delete', 'rc', 'frontend'])).to.deep.include({stdout: 'replicationcontroller "frontend" deleted from default namespace\n', code: 0})
    expect(sb.run(['wait', '--for=delete', 'pods', '-l', 'app=guestbook', '--timeout=90s']).code).to.equal(0)
    expect(sb.run(['get', 'pods'])).to.deep.equal({stdout: '', stderr: 'No resources found in default namespace.\n', code: 0})
  })

  it('replaces a deleted pod, and leaves its pods behind on --cascade=orphan for the next controller to adopt', () => {
    sb.run(['create', '-f', '-'], {input: RC.replace('replicas: 3', 'replicas: 2')})
    waitReady(2)
    const [first] = podNames()
    expect(sb.run(['delete', first]).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.readyReplicas}=2', 'rc/frontend', '--timeout=90s']).code).to.equal(0)
    const after = podNames()
    expect(after).to.have.length(2)
    expect(after).to.not.include(first)

    expect(sb.run(['delete', 'rc', 'frontend', '--cascade=orphan']).code).to.equal(0)
    expect(sb.run(['get', 'pods', '-l', 'app=guestbook', '-o', 'jsonpath={.items[*].metadata.ownerReferences}']).stdout).to.equal('')
    sb.run(['create', '-f', '-'], {input: RC.replace('replicas: 3', 'replicas: 2')})
    const uid = sb.run(['get', 'rc', 'frontend', '-o', 'jsonpath={.metadata.uid}']).stdout
    expect(sb.run(['wait', '--for=jsonpath={.status.fullyLabeledReplicas}=2', 'rc/frontend', '--timeout=90s']).code).to.equal(0)
    expect(podNames().sort()).to.deep.equal([...after].sort())
    expect(sb.run(['get', 'pods', '-l', 'app=guestbook', '-o', 'jsonpath={.items[*].metadata.ownerReferences[0].uid}']).stdout).to.equal(`${uid} ${uid}`)
  })

  it('refuses an invalid controller with the API server\'s message and stores nothing', () => {
    const bad = RC.replace('  replicas: 3\n', '  replicas: 3\n  selector:\n    app: other\n')
    const r = sb.run(['create', '-f', '-'], {input: bad})
    expect(r.code).to.equal(1)
    expect(r.stderr).to.equal('The ReplicationController "frontend" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"guestbook", "tier":"frontend"}: `selector` does not match template `labels`\n')
    expect(sb.run(['get', 'rc'])).to.deep.equal({stdout: '', stderr: 'No resources found in default namespace.\n', code: 0})
  })
})

describe('expose rc and expose -f (no reconciler)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-expose-rc-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('exposes a controller by name with its selector, and objects named by -f as the file gives them', () => {
    const file = sb.write('rc.yaml', RC)
    expect(sb.run(['create', '-f', file]).code).to.equal(0)
    expect(sb.run(['expose', 'rc', 'frontend', '--port=80'])).to.deep.equal({stdout: 'service/frontend exposed\n', stderr: '', code: 0})
    expect(sb.run(['get', 'service', 'frontend', '-o', 'jsonpath={.spec.selector} {.spec.ports[0].port} {.spec.ports[0].name}']).stdout).to.equal('{"app":"guestbook","tier":"frontend"} 80 ')
    // the file's controller leaves its selector to defaulting: kubectl's createService refuses it
    expect(sb.run(['expose', '-f', file, '--port=81', '--name=fe'])).to.deep.equal({stdout: '', stderr: 'error: selector must be specified\n', code: 1})
    const dep = sb.write('dep.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n')
    expect(sb.run(['expose', '-f', dep, '--port', '80'])).to.deep.equal({stdout: 'service/web exposed\n', stderr: '', code: 0})
    expect(sb.run(['get', 'service', 'web', '-o', 'jsonpath={.spec.selector} {.metadata.labels}']).stdout).to.equal('{"app":"web"} {"name":"web"}')
    expect(sb.run(['expose', '-f', dep, 'deployment', 'web'])).to.deep.equal({stdout: '', stderr: 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n', code: 1})
  })

  it('sets a controller template image with set image, raising its generation', () => {
    expect(sb.run(['create', '-f', '-'], {input: RC}).code).to.equal(0)
    expect(sb.run(['set', 'image', 'rc/frontend', 'php-redis=gb-frontend:v5'])).to.deep.equal({stdout: 'replicationcontroller/frontend image updated\n', stderr: '', code: 0})
    expect(sb.run(['get', 'rc', 'frontend', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}']).stdout).to.equal('gb-frontend:v5 2')
  })
})
