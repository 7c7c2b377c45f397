// `set image` on a Deployment as a user sees it: the real CLI and a real reconciler roll the new
// template out (new ReplicaSet up, old one down to 0) until `rollout status` says it is done.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('set image rolls a deployment out (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('replaces every pod with one of the new image, and scales the old ReplicaSet to 0', () => {
    sb.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'])
    expect(sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s']).code).to.equal(0)
    const oldRs = sb.run(['get', 'rs', '-o', 'name']).stdout.trim()

    expect(sb.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.28'])).to.deep.equal({stdout: 'deployment.apps/web image updated\n', stderr: '', code: 0})
    const status = sb.run(['rollout', 'status', 'deployment/web', '--timeout=90s'])
    expect(status.code).to.equal(0)
    expect(status.stdout.split('\n').at(-2)).to.equal('deployment "web" successfully rolled out')

    const rsNames = sb.run(['get', 'rs', '-o', 'name']).stdout.trim().split('\n')
    expect(rsNames).to.have.length(2)
    const newRs = rsNames.find((n) => n !== oldRs)!
    const rsTable = sb.run(['get', 'rs', '--no-headers']).stdout
    expect(rsTable).to.match(new RegExp(`^${oldRs.slice('replicaset.apps/'.length)} +0 +0 +0 +\\d+s$`, 'm'))
    expect(rsTable).to.match(new RegExp(`^${newRs.slice('replicaset.apps/'.length)} +3 +3 +3 +\\d+s$`, 'm'))
    expect(sb.run(['get', newRs, '-o', 'jsonpath={.spec.template.spec.containers[0].image}']).stdout).to.equal('nginx:1.28')

    sb.run(['wait', '--for=delete', 'pods', '-l', `pod-template-hash=${oldRs.split('-').at(-1)}`, '--timeout=60s'])
    const pods = sb.run(['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.ownerReferences[0].name} {.spec.containers[0].image}{"\\n"}{end}']).stdout.trim().split('\n')
    expect(pods).to.deep.equal(Array(3).fill(`${newRs.slice('replicaset.apps/'.length)} nginx:1.28`))
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}']).stdout).to.equal('2')
  })
})
