import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('ksim rollout pause, resume, restart, history and undo (API only)', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-rollout-', {KSIM_NO_RECONCILER: '1'})
    sb.run(['create', 'deployment', 'web', '--image=nginx:1.27'])
    sb.run(['create', 'deployment', 'api', '--image=nginx:1.27'])
  })
  afterEach(() => sb.cleanup())

  it('pauses and resumes by name, by type and by -f, and reports refusals after the successes', () => {
    expect(sb.run(['rollout', 'pause', 'deployment/web'])).to.deep.equal({stdout: 'deployment.apps/web paused\n', stderr: '', code: 0})
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.paused}']).stdout).to.equal('true')
    expect(sb.run(['rollout', 'pause', 'deployment'])).to.deep.equal({stdout: 'deployment.apps/api paused\n', stderr: 'error: deployments.apps "web" is already paused\n', code: 1})
    expect(sb.run(['rollout', 'resume', 'deploy', 'web', 'nope', 'api'])).to.deep.equal({
      stdout: 'deployment.apps/web resumed\ndeployment.apps/api resumed\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      code: 1,
    })
    const file = sb.write('web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n')
    expect(sb.run(['rollout', 'pause', '-f', file, '-o', 'name'])).to.deep.equal({stdout: 'deployment.apps/web\n', stderr: '', code: 0})
    // kubectl 1.35's PrintFlags: jsonpath and go templates print the object written
    expect(sb.run(['rollout', 'resume', '-f', file, '-o', 'jsonpath={.metadata.name}'])).to.deep.equal({stdout: 'web', stderr: '', code: 0})
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.paused}']).stdout).not.to.equal('true')
  })

  it('restarts by label, and prints kubectl errors for missing arguments and selectors with names', () => {
    sb.run(['label', 'deploy/web', 'tier=front'])
    expect(sb.run(['rollout', 'restart', 'deployment', '-l', 'tier=front'])).to.deep.equal({stdout: 'deployment.apps/web restarted\n', stderr: '', code: 0})
    expect(sb.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}']).stdout).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/)
    expect(sb.run(['get', 'deploy', 'api', '-o', 'jsonpath={.spec.template.metadata.annotations}']).stdout).to.equal('')
    expect(sb.run(['rollout', 'restart', 'deployment', '-l', 'tier=none'])).to.deep.equal({stdout: '', stderr: 'No resources found in default namespace.\n', code: 0})
    expect(sb.run(['rollout', 'restart'])).to.deep.equal({stdout: '', stderr: 'error: required resource not specified\n', code: 1})
    expect(sb.run(['rollout', 'restart', 'deploy/web', '-l', 'a=b']).stderr).to.equal('error: name cannot be provided when a selector is specified\n')
    expect(sb.run(['rollout', 'history', 'deploy/web', '--revision=-1']).stderr).to.equal('error: revision must be a positive integer: -1\n')
    expect(sb.run(['rollout', 'undo', 'deploy/web'])).to.deep.equal({stdout: '', stderr: 'error: no rollout history found for deployment "web"\n', code: 1})
    expect(sb.run(['rollout', 'history', 'deploy/web'])).to.deep.equal({stdout: 'deployment.apps/web \nNo rollout history found.\n', stderr: '', code: 0})
    expect(sb.run(['rollout', 'frobnicate', 'deploy/web']).code).to.equal(1)
  })
})
