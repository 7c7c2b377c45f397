import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web}
spec:${extra}
  containers:
  - name: c
    image: nginx:1.27
---
`

describe('ksim delete', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('removes an unscheduled pod at once and prints the current kubectl line', () => {
    sb.run(['create', '-f', sb.write('p.yaml', POD('web'))])
    expect(sb.run(['delete', 'pod', 'web'])).to.deep.equal({stdout: 'pod "web" deleted from default namespace\n', stderr: '', code: 0})
    expect(sb.run(['get', 'pod', 'web'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): pods "web" not found\n', code: 1})
  })

  it('deletes by TYPE/NAME, by label, by file and --all, saying when nothing matched', () => {
    const f = sb.write('p.yaml', POD('a') + POD('b') + POD('c'))
    sb.run(['create', '-f', f])
    expect(sb.run(['delete', 'pod/a']).stdout).to.equal('pod "a" deleted from default namespace\n')
    expect(sb.run(['delete', 'pods', '-l', 'app=web', '-o', 'name']).stdout).to.equal('pod/b\npod/c\n')
    expect(sb.run(['delete', 'pods', '--all'])).to.deep.equal({stdout: 'No resources found\n', stderr: '', code: 0})
    sb.run(['create', '-f', f])
    const r = sb.run(['delete', '-f', f])
    expect(r.stdout).to.equal('pod "a" deleted from default namespace\npod "b" deleted from default namespace\npod "c" deleted from default namespace\n')
  })

  it('keeps a scheduled pod Terminating with deletionTimestamp = now + grace when it does not wait', () => {
    sb.run(['create', '-f', sb.write('p.yaml', POD('bound', '\n  nodeName: ksim-worker'))], {env: {KSIM_NO_RECONCILER: '1'}})
    const r = sb.run(['delete', 'pod', 'bound', '--wait=false', '--grace-period=45'], {env: {KSIM_NO_RECONCILER: '1'}})
    expect(r.stdout).to.equal('pod "bound" deleted from default namespace\n')
    const o = JSON.parse(sb.run(['get', 'pod', 'bound', '-o', 'json'], {env: {KSIM_NO_RECONCILER: '1'}}).stdout)
    expect(o.metadata.deletionGracePeriodSeconds).to.equal(45)
    const delta = Date.parse(o.metadata.deletionTimestamp) - Date.now()
    expect(delta).to.be.within(40_000, 46_000)
    expect(sb.run(['get', 'pod', 'bound', '-o', 'jsonpath={.metadata.deletionGracePeriodSeconds}'], {env: {KSIM_NO_RECONCILER: '1'}}).stdout).to.equal('45')
    // a later delete may shorten the grace period but never lengthen it
    sb.run(['delete', 'pod', 'bound', '--wait=false', '--grace-period=100'], {env: {KSIM_NO_RECONCILER: '1'}})
    expect(sb.run(['get', 'pod', 'bound', '-o', 'jsonpath={.metadata.deletionGracePeriodSeconds}'], {env: {KSIM_NO_RECONCILER: '1'}}).stdout).to.equal('45')
    sb.run(['delete', 'pod', 'bound', '--wait=false', '--grace-period=10'], {env: {KSIM_NO_RECONCILER: '1'}})
    expect(sb.run(['get', 'pod', 'bound', '-o', 'jsonpath={.metadata.deletionGracePeriodSeconds}'], {env: {KSIM_NO_RECONCILER: '1'}}).stdout).to.equal('10')
    expect(sb.run(['get', 'pod', 'bound', '--no-headers'], {env: {KSIM_NO_RECONCILER: '1'}}).stdout).to.match(/^bound +0\/1 +Terminating +0 +\d+s\n$/)
  })

  it('times out waiting for a pod nobody finishes, and force-deletes with kubectl\'s warning', () => {
    const env = {KSIM_NO_RECONCILER: '1'}
    sb.run(['create', '-f', sb.write('p.yaml', POD('stuck', '\n  nodeName: ksim-worker'))], {env})
    expect(sb.run(['delete', 'pod', 'stuck', '--timeout=1s'], {env})).to.deep.equal({
      stdout: 'pod "stuck" deleted from default namespace\n',
      stderr: 'error: timed out waiting for the condition on pods/stuck\n',
      code: 1,
    })
    expect(sb.run(['delete', 'pod', 'stuck', '--force'], {env})).to.deep.equal({
      stdout: 'pod "stuck" force deleted from default namespace\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    })
    expect(sb.run(['get', 'pods'], {env}).stderr).to.equal('No resources found in default namespace.\n')
  })

  it('gives kubectl\'s errors for conflicting flags and missing objects', () => {
    expect(sb.run(['delete', 'pod', 'x', '--now', '--grace-period=5']).stderr).to.equal('error: --now and --grace-period cannot be specified together\n')
    expect(sb.run(['delete', 'pod', 'x', '--force', '--grace-period=5']).stderr).to.equal('error: --force and --grace-period greater than 0 cannot be specified together\n')
    expect(sb.run(['delete', 'pod', 'x'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', code: 1})
    // a named object counts as found even when --ignore-not-found skips it: kubectl 1.35 prints nothing
    expect(sb.run(['delete', 'pod', 'x', '--ignore-not-found'])).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(sb.run(['delete', 'pods'])).to.deep.include({stderr: 'error: resource(s) were provided, but no name was specified\n', code: 1})
    // the resource builder refuses --all with a selector before delete's own checks run
    expect(sb.run(['delete', 'pods', '--all', '-l', 'a=b']).stderr).to.equal("error: setting 'all' parameter but found a non empty selector. \n")
    expect(sb.run(['delete', 'pods', '--all', '--field-selector', 'a=b']).stderr).to.equal("error: setting 'all' parameter but found a non empty selector. \n")
  })

  it('moves a namespace to Terminating, deletes what is in it, and protects the system namespaces', () => {
    sb.run(['create', 'namespace', 'tmp'])
    sb.run(['create', 'configmap', 'c', '--from-literal=a=b', '-n', 'tmp'])
    expect(sb.run(['delete', 'namespace', 'tmp']).stdout).to.equal('namespace "tmp" deleted\n')
    expect(sb.run(['get', 'ns', 'tmp']).stderr).to.equal('Error from server (NotFound): namespaces "tmp" not found\n')
    expect(sb.run(['get', 'cm', '-n', 'tmp']).stderr).to.equal('No resources found in tmp namespace.\n')
    expect(sb.run(['delete', 'ns', 'kube-system'])).to.deep.include({stderr: 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n', code: 1})
  })
})
