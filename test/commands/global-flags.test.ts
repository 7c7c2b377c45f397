// kubectl's global flags before the verb: `ksim -n team get pods` (cobra accepts persistent flags anywhere).
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('global flags before the command', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', 'namespace', 'team']).code).to.equal(0)
    expect(sb.run(['-n', 'team', 'create', 'configmap', 'cm', '--from-literal=a=b'])).to.deep.equal({stdout: 'configmap/cm created\n', stderr: '', code: 0})
  })
  after(() => sb.cleanup())

  it('-n, --namespace and --namespace= before the verb select the namespace', () => {
    expect(sb.run(['-n', 'team', 'get', 'configmap', 'cm', '-o', 'name']).stdout).to.equal('configmap/cm\n')
    expect(sb.run(['--namespace', 'team', 'get', 'cm', 'cm', '-o', 'name']).stdout).to.equal('configmap/cm\n')
    expect(sb.run(['--namespace=team', 'get', 'cm', 'cm', '-o', 'name']).stdout).to.equal('configmap/cm\n')
    expect(sb.run(['-nteam', 'get', 'cm', 'cm', '-o', 'name']).stdout).to.equal('configmap/cm\n')
    expect(sb.run(['-n', 'default', 'get', 'cm', 'cm'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): configmaps "cm" not found\n', code: 1})
  })

  it('--context before the verb, and between the words of a command', () => {
    const ctx = sb.run(['config', 'current-context']).stdout.trim()
    expect(sb.run(['--context', ctx, '-n', 'team', 'get', 'cm', 'cm', '-o', 'name']).stdout).to.equal('configmap/cm\n')
    expect(sb.run(['create', '-n', 'team', 'secret', '--context', ctx, 'generic', 's', '--from-literal=a=b'])).to.deep.equal({stdout: 'secret/s created\n', stderr: '', code: 0})
    expect(sb.run(['--context', 'nope', 'get', 'pods']).stderr).to.equal('error: context was not found for specified context: nope\n')
  })

  it('-n before delete deletes in that namespace', () => {
    expect(sb.run(['-n', 'team', 'delete', 'configmap', 'cm'])).to.deep.equal({stdout: 'configmap "cm" deleted from team namespace\n', stderr: '', code: 0})
  })
})
