// kubectl's deprecated spellings the upstream command tests still type: --record (the command line in the
// kubernetes.io/change-cause annotation, shown by `rollout history`) and a bare or boolean --dry-run.
import {expect} from 'chai'

import {changeCause, programName} from '../../src/cli/record.js'
import {Sandbox} from '../helpers/cli.js'

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: bind
spec:
  selector:
    matchLabels:
      app: bind
  template:
    metadata:
      labels:
        app: bind
    spec:
      containers:
      - name: app
        image: registry.k8s.io/pause:2.0
`

/** klog's warning line: W, date and time, the pid, the source file and line, the message. */
const klogWarning = (source: string, message: string) => new RegExp(`^W\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ ${source.replace('.', '\\.')}\\] ${message.replace(/[.*+?^${}()|[\]\\=]/g, (c) => `\\${c}`)}\\n$`)

describe('--record and the deprecated --dry-run spellings', function () {
  this.timeout(300_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-record-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('names the program as it was run: argv0 under exec -a, else the link it was run through, else the bin', () => {
    expect(programName('ksim', 'kubectl', '/x/bin/run.js')).to.equal('kubectl')
    expect(programName('ksim', '/usr/bin/node', '/usr/local/bin/kubectl')).to.equal('kubectl')
    expect(programName('ksim', 'node', '/work/ksim/bin/run.js')).to.equal('ksim')
  })

  it('writes the command line as parseCommandArguments does: words, then each flag long-named with its value', () => {
    const defs = {filename: {char: 'f'}, record: {type: 'boolean'}, namespace: {char: 'n'}}
    expect(changeCause('kubectl', ['apply', '-f', 'ds.yaml', '--record', '-n', 'x'], defs)).to.equal('kubectl apply --filename=ds.yaml --record=true --namespace=x')
    expect(changeCause('kubectl', ['apply', '--filename=a.yaml', '--record=false'], defs)).to.equal('kubectl apply --filename=a.yaml --record=false')
  })

  it('apply --record puts the command in the change-cause annotation, which rollout history shows', () => {
    const file = sb.write('ds.yaml', DS)
    const r = sb.run(['apply', '-f', file, '--record'])
    expect(r).to.deep.equal({stdout: 'daemonset.apps/bind created\n', stderr: 'Flag --record has been deprecated, --record will be removed in the future\n', code: 0})
    const cause = sb.run(['get', 'ds', 'bind', '-o', 'jsonpath={.metadata.annotations.kubernetes\\.io/change-cause}'])
    expect(cause.stdout).to.equal(`ksim apply --filename=${file} --record=true`)
    // the last-applied configuration carries it too: kubectl records before it makes the annotation
    const last = sb.run(['get', 'ds', 'bind', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']).stdout
    expect(JSON.parse(last).metadata.annotations).to.deep.equal({'kubernetes.io/change-cause': `ksim apply --filename=${file} --record=true`})
    // without --record nothing is written
    sb.run(['delete', 'ds', 'bind'])
    expect(sb.run(['apply', '-f', file]).stderr).to.equal('')
    expect(sb.run(['get', 'ds', 'bind', '-o', 'jsonpath={.metadata.annotations}']).stdout).to.not.include('change-cause')
  })

  it('takes a bare --dry-run as client, with klog\'s deprecation warning, and leaves the next word an argument', () => {
    const r = sb.run(['create', 'configmap', '--dry-run', 'cm', '-o', 'name'])
    expect([r.stdout, r.code]).to.deep.equal(['configmap/cm\n', 0])
    expect(r.stderr).to.match(klogWarning('helpers.go:719', '--dry-run is deprecated and can be replaced with --dry-run=client.'))
    expect(sb.run(['get', 'cm', 'cm']).code).to.equal(1)
  })

  it('takes --dry-run=true as client and --dry-run=false as none, each with its warning', () => {
    const t = sb.run(['create', 'configmap', 'cm', '--dry-run=true', '-o', 'name'])
    expect([t.stdout, t.code]).to.deep.equal(['configmap/cm\n', 0])
    expect(t.stderr).to.match(klogWarning('helpers.go:733', '--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.'))
    expect(sb.run(['get', 'cm', 'cm']).code).to.equal(1)
    const f = sb.run(['create', 'configmap', 'cm', '--dry-run=false'])
    expect([f.stdout, f.code]).to.deep.equal(['configmap/cm created\n', 0])
    expect(f.stderr).to.match(klogWarning('helpers.go:736', '--dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.'))
    expect(sb.run(['get', 'cm', 'cm', '-o', 'name']).stdout).to.equal('configmap/cm\n')
    expect(sb.run(['create', 'configmap', 'x', '--dry-run=maybe'])).to.deep.equal({stdout: '', stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n', code: 1})
  })
})
