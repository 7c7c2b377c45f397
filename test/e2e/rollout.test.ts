// A Deployment's revisions as a user walks them: the real CLI and a real background reconciler.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('rollout restart, history and undo end to end (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-rollout-e2e-')
  })
  afterEach(() => sb.cleanup())

  const rsNames = () => sb.run(['get', 'rs', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.spec.replicas} {end}']).stdout.trim().split(' ').sort()
  const hash = () => sb.run(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.labels.pod-template-hash}']).stdout

  it('restarts into a new revision, lists both, and rolls back to the first', () => {
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']).code).to.equal(0)
    expect(sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s']).stdout).to.match(/successfully rolled out\n$/)
    const first = hash().split(' ')[0]
    expect(sb.run(['annotate', 'deploy/web', 'kubernetes.io/change-cause=restart for new config'])).to.deep.equal({stdout: 'deployment.apps/web annotated\n', stderr: '', code: 0})
    expect(sb.run(['rollout', 'restart', 'deploy/web'])).to.deep.equal({stdout: 'deployment.apps/web restarted\n', stderr: '', code: 0})
    expect(sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s']).stdout).to.match(/successfully rolled out\n$/)
    const second = hash().split(' ')[0]
    expect(second).to.not.equal(first)
    expect(rsNames()).to.deep.equal([`web-${first}=0`, `web-${second}=2`].sort())
    expect(sb.run(['rollout', 'history', 'deployment/web']).stdout).to.equal('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         restart for new config\n\n')
    expect(sb.run(['rollout', 'undo', 'deployment/web'])).to.deep.equal({stdout: 'deployment.apps/web rolled back\n', stderr: '', code: 0})
    expect(sb.run(['rollout', 'status', 'deployment/web', '--timeout=60s']).stdout).to.match(/successfully rolled out\n$/)
    expect(hash()).to.equal(`${first} ${first}`)
    expect(rsNames()).to.deep.equal([`web-${first}=2`, `web-${second}=0`].sort())
    expect(sb.run(['rollout', 'history', 'deployment/web']).stdout).to.equal('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         restart for new config\n3         <none>\n\n')
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}']).stdout).to.equal('3')
  })
})
