// scripts/kubectl-test-cmd.sh runs Kubernetes' own test/cmd suite against ksim from a checkout given on the
// command line. The suite itself is not part of this repository or of npm test; this checks only the
// script's own argument handling, on a stand-in checkout of two files.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {ROOT} from '../helpers/cli.js'

const SCRIPT = path.join(ROOT, 'scripts', 'kubectl-test-cmd.sh')

function run(args: string[]) {
  const r = spawnSync('bash', [SCRIPT, ...args], {encoding: 'utf8', timeout: 60_000})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

describe('scripts/kubectl-test-cmd.sh argument handling', function () {
  let k8s: string
  before(() => {
    k8s = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-k8s-'))
    fs.mkdirSync(path.join(k8s, 'hack', 'lib'), {recursive: true})
    fs.mkdirSync(path.join(k8s, 'test', 'cmd'), {recursive: true})
    fs.writeFileSync(path.join(k8s, 'hack', 'lib', 'test.sh'), '')
    fs.writeFileSync(path.join(k8s, 'test', 'cmd', 'legacy-script.sh'), [
      'runTests() {',
      '  record_command run_kubectl_version_tests',
      '  if true; then',
      '    record_command run_kubectl_local_proxy_tests',
      '    record_command run_pod_tests',
      '  fi',
      '  record_command run_kubectl_diff_same_names',
      '}',
      '',
    ].join('\n'))
  })
  after(() => fs.rmSync(k8s, {recursive: true, force: true}))

  it('without --k8s: exit 2 and says the checkout is required', () => {
    const r = run([])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.match(/^error: --k8s DIR is required: a Kubernetes checkout holding test\/cmd and hack\/lib\nusage: /)
    expect(r.stdout).to.equal('')
  })

  it('--k8s with no value, or a directory that is not a checkout: exit 2 with the reason', () => {
    expect(run(['--k8s'])).to.include({code: 2, stdout: ''}).and.property('stderr').match(/^error: --k8s needs a directory\n/)
    const r = run(['--k8s', os.tmpdir()])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.equal(`error: ${os.tmpdir()} is not a Kubernetes checkout: hack/lib/test.sh or test/cmd/legacy-script.sh is missing\n`)
  })

  it('--list prints the functions in legacy-script order, the HTTP-server ones marked SKIP with the reason', () => {
    const r = run(['--k8s', k8s, '--list'])
    expect(r.code).to.equal(0)
    expect(r.stdout).to.equal([
      'run_kubectl_version_tests',
      'run_kubectl_local_proxy_tests\tSKIP (kubectl proxy + curl against an HTTP API server)',
      'run_pod_tests',
      'run_kubectl_diff_same_names',
      '',
    ].join('\n'))
  })

  it('an unknown function, an unknown flag or a bad --timeout: exit 2 before anything runs', () => {
    expect(run(['--k8s', k8s, 'no_such'])).to.include({code: 2, stdout: ''}).and.property('stderr')
      .equal(`error: no test function "no_such" in ${k8s}/test/cmd/legacy-script.sh (see --list)\n`)
    expect(run(['--k8s', k8s, '--bogus'])).to.include({code: 2}).and.property('stderr').match(/^error: unknown flag: --bogus\n/)
    expect(run(['--k8s', k8s, '--timeout', '0', 'pod'])).to.include({code: 2}).and.property('stderr')
      .equal('error: --timeout needs a positive number of seconds\n')
  })
})
