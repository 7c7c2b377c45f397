// -v/--v=N and --request-timeout on every command: klog lines for what ksim really does (each kubeconfig
// file it loads, each API call in-process; no HTTP), kubectl's parse errors, and the request timeout as
// the bound on a command's wait for another process's write lock.
import {expect} from 'chai'
import Database from 'better-sqlite3'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'

const KLOG = String.raw`I\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ `

describe('-v and --request-timeout', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-verbosity-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['get', 'ns', 'default', '-o', 'name']).code).to.equal(0)
  })
  after(() => sb.cleanup())

  it('at -v=6 logs the kubeconfig loaded and each API call to stderr, output unchanged', () => {
    const file = path.join(sb.home, 'kubeconfig')
    const plain = sb.run(['get', 'ns', 'default', '-o', 'name'])
    for (const args of [['get', 'ns', 'default', '-o', 'name', '-v=6'], ['--v', '7', 'get', 'ns', 'default', '-o', 'name'], ['-v', '6', 'get', 'ns', 'default', '-o', 'name']]) {
      const r = sb.run(args)
      expect(r.stdout, args.join(' ')).to.equal(plain.stdout)
      expect(r.code).to.equal(0)
      const lines = r.stderr.split('\n').filter(Boolean)
      expect(lines[0]).to.match(new RegExp(`^${KLOG}kubeconfig\\] Config loaded from file:  ${file.replaceAll('/', '\\/')}$`))
      expect(lines.slice(1).some((l) => new RegExp(`^${KLOG}api\\] "API call" verb="get" resource="namespaces" namespace="" name="default" result="OK" milliseconds=\\d+$`).test(l)), r.stderr).to.equal(true)
      expect(r.stderr).to.not.match(/https?:|GET |200 OK/)
    }
    const missing = sb.run(['get', 'cm', 'nope', '-v=6'])
    expect(missing.stderr).to.match(new RegExp(`${KLOG}api\\] "API call" verb="get" resource="configmaps" namespace="default" name="nope" result="NotFound" milliseconds=\\d+\\nError from server \\(NotFound\\): configmaps "nope" not found\\n$`))
    const made = sb.run(['create', 'cm', 'logged', '--from-literal=a=b', '-v=6'])
    expect(made.stdout).to.equal('configmap/logged created\n')
    expect(made.stderr).to.match(/api\] "API call" verb="create" kind="ConfigMap" namespace="default" name="logged" result="OK"/)
    // config commands load the file too
    expect(sb.run(['config', 'current-context', '-v=6']).stderr).to.match(new RegExp(`^${KLOG}kubeconfig\\] Config loaded from file:  `))
  })

  it('below level 6 logs nothing; a -v that is not a number is pflag\'s error', () => {
    expect(sb.run(['get', 'ns', 'default', '-o', 'name', '-v=5'])).to.deep.equal({stdout: 'namespace/default\n', stderr: '', code: 0})
    expect(sb.run(['get', 'pods', '--v=abc'])).to.deep.equal({
      stdout: '',
      stderr: `error: invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee 'ksim get --help' for usage.\n`,
      code: 1,
    })
  })

  it('--request-timeout takes client-go\'s values and refuses others with its message', () => {
    for (const ok of ['0', '5', '1s', '2m', '1h30m', '1.5s']) expect(sb.run(['get', 'ns', 'default', '-o', 'name', `--request-timeout=${ok}`]).code, ok).to.equal(0)
    for (const bad of ['1x', '-1', 'abc', 's']) {
      expect(sb.run(['get', 'pods', `--request-timeout=${bad}`]), bad).to.deep.equal({
        stdout: '',
        stderr: 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
        code: 1,
      })
    }
  })

  it('--request-timeout bounds the wait for a write lock another process holds', () => {
    const file = path.join(sb.home, 'clusters', 'ksim', 'state.db')
    const holder = new Database(file)
    holder.exec('BEGIN EXCLUSIVE')
    let r
    const start = Date.now()
    try {
      r = sb.run(['create', 'configmap', 'timed', '--from-literal=a=b', '--request-timeout=1s'])
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(r.code).to.equal(1)
    expect(r.stderr).to.match(/gave up waiting after 1\.\ds\n$/)
    expect(Date.now() - start).to.be.below(9000)
    expect(sb.run(['get', 'cm', 'timed']).code).to.equal(1)
  })
})
