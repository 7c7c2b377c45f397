// --dry-run as kubectl 1.35 still takes its old forms: bare it means client (pflag's NoOptDefVal, so the
// next word stays an argument), a ParseBool value means client or none; each with GetDryRunStrategy's
// klog deprecation warning on stderr.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const warning = (line: number, message: string) => new RegExp(`^W\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ helpers\\.go:${line}\\] ${escape(message)}\\n$`)

describe('bare and boolean --dry-run', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-dry-run-', {KSIM_NO_RECONCILER: '1'})
  })
  after(() => sb.cleanup())

  it('bare --dry-run is client: nothing is created, the flag after it is still read', () => {
    const r = sb.run(['create', 'secret', 'generic', 'mysecret', '--dry-run', '--from-literal=foo=bar', '-o', 'jsonpath={.metadata.namespace}', '--namespace=user-specified'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.equal('user-specified')
    expect(r.stderr).to.match(warning(719, '--dry-run is deprecated and can be replaced with --dry-run=client.'))
    expect(sb.run(['get', 'secrets', 'mysecret', '-n', 'user-specified']).code).to.equal(1)
    // without -n the object kubectl builds has no namespace, even when the context names one
    sb.run(['create', 'namespace', 'ctx-ns'])
    sb.run(['config', 'set-context', '--current', '--namespace=ctx-ns'])
    expect(sb.run(['create', 'secret', 'generic', 'mysecret', '--dry-run=client', '--from-literal=foo=bar', '-o', 'jsonpath={.metadata.namespace}']).stdout).to.equal('')
  })

  it('--dry-run=true is client and --dry-run=false is none, each with its warning', () => {
    const t = sb.run(['create', 'configmap', 'c1', '--dry-run=true'])
    expect(t.stdout).to.equal('configmap/c1 created (dry run)\n')
    expect(t.stderr).to.match(warning(733, '--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.'))
    const f = sb.run(['create', 'configmap', 'c2', '--dry-run=false'])
    expect(f.stdout).to.equal('configmap/c2 created\n')
    expect(f.stderr).to.match(warning(736, '--dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.'))
    expect(sb.run(['get', 'cm', 'c1']).code).to.equal(1)
    expect(sb.run(['get', 'cm', 'c2', '-o', 'name']).stdout).to.equal('configmap/c2\n')
  })

  it('a bare --dry-run does not take the next word: it stays an argument', () => {
    const r = sb.run(['create', 'configmap', 'c3', '--dry-run', 'client'])
    expect(r.code).to.equal(1)
    expect(sb.run(['get', 'cm', 'c3']).code).to.equal(1)
    expect(sb.run(['create', 'configmap', 'c4', '--dry-run=maybe']).stderr).to.equal('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n')
  })
})
