// `ksim diff -f`: exit codes, the LIVE/MERGED files (read through an external diff program that copies
// them), and nothing written. Expected texts are kubectl 1.35.2's, as it printed them through `ksim serve`.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'

const CM = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, labels: {tier: web}}
data: {x: "1"}
`

// an external diff: copies both directories beside itself and lists its arguments, then exits 1
const COPIER = `#!/usr/bin/env node
const fs = require('fs')
const path = require('path')
const out = path.join(__dirname, 'copied')
fs.rmSync(out, {recursive: true, force: true})
fs.mkdirSync(out)
fs.writeFileSync(path.join(out, 'args'), process.argv.slice(2).join('\\n'))
for (const [side, dir] of [['live', process.argv[2]], ['merged', process.argv[3]]]) fs.cpSync(dir, path.join(out, side), {recursive: true})
process.exit(1)
`

describe('ksim diff', function () {
  this.timeout(120_000)
  let sb: Sandbox
  let tmp: string
  beforeEach(() => {
    sb = new Sandbox('ksim-diff-', {KSIM_NO_RECONCILER: '1'})
    tmp = path.join(sb.home, 'tmp')
    fs.mkdirSync(tmp)
    expect(sb.run(['apply', '-f', sb.write('cm.yaml', CM)]).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  const diff = (args: string[], env: Record<string, string> = {}) => sb.run(['diff', ...args], {env: {TMPDIR: tmp, ...env}})
  const rv = () => sb.run(['get', 'cm', 'settings', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout

  it('exits 0 and prints nothing when applying would change nothing', () => {
    expect(diff(['-f', path.join(sb.home, 'cm.yaml')])).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(fs.readdirSync(tmp)).to.deep.equal([])
  })

  it('exits 1 with diff -u -N of the LIVE and MERGED files, writing nothing', () => {
    const before = rv()
    const file = sb.write('cm2.yaml', CM.replace('x: "1"', 'x: "2"'))
    const r = diff(['-f', file])
    expect(r.code).to.equal(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).to.match(new RegExp(`^diff -u -N ${tmp}/LIVE-\\d+/v1\\.ConfigMap\\.default\\.settings ${tmp}/MERGED-\\d+/v1\\.ConfigMap\\.default\\.settings$`))
    expect(lines.slice(3, 9).join('\n')).to.equal('@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n-  x: "1"\n+  x: "2"\n kind: ConfigMap')
    expect(r.stdout).not.to.include('managedFields')
    expect(rv()).to.equal(before)
    expect(fs.readdirSync(tmp)).to.deep.equal([])
  })

  it('writes each object as kubectl names it; a new one has an empty LIVE file; Secret values are masked', () => {
    const copier = sb.write('bin/copier', COPIER)
    fs.chmodSync(copier, 0o755)
    expect(sb.run(['create', 'secret', 'generic', 'pw', '--from-literal=a=old', '--from-literal=b=same']).code).to.equal(0)
    const docs = `${CM.replace('x: "1"', 'x: "2"')}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: v1
kind: Secret
metadata: {name: pw}
stringData: {a: new, b: same, c: added}
`
    const r = diff(['-f', sb.write('all.yaml', docs)], {KUBECTL_EXTERNAL_DIFF: `${copier} -x --side=by a/b`})
    expect(r).to.deep.equal({stdout: '', stderr: '', code: 1})
    const out = path.join(sb.home, 'bin', 'copied')
    const args = fs.readFileSync(path.join(out, 'args'), 'utf8').split('\n')
    expect(args.slice(2)).to.deep.equal(['-x', '--side=by'])
    const names = ['apps.v1.Deployment.default.web', 'v1.ConfigMap.default.settings', 'v1.Secret.default.pw']
    expect(fs.readdirSync(path.join(out, 'live')).sort()).to.deep.equal(names)
    expect(fs.readFileSync(path.join(out, 'live', names[0]!), 'utf8')).to.equal('')
    const merged = fs.readFileSync(path.join(out, 'merged', names[0]!), 'utf8')
    expect(merged).to.include('  replicas: 1\n')
    expect(merged).to.include('  uid: ')
    expect(merged).not.to.include('resourceVersion')
    expect(fs.readFileSync(path.join(out, 'live', names[2]!), 'utf8')).to.include("data:\n  a: '*** (before)'\n  b: '***'\nkind: Secret\n")
    expect(fs.readFileSync(path.join(out, 'merged', names[2]!), 'utf8')).to.include("data:\n  a: '*** (after)'\n  b: '***'\n  c: '***'\nkind: Secret\n")
    expect(sb.run(['get', 'deploy', 'web']).code).to.equal(1)
  })

  it('-l keeps the objects of the files whose labels match', () => {
    const file = sb.write('cm2.yaml', CM.replace('x: "1"', 'x: "2"'))
    expect(diff(['-f', file, '-l', 'tier=db'])).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(diff(['-f', file, '-l', 'tier=web']).code).to.equal(1)
  })

  it('--server-side diffs a dry-run apply: kubectl takes over what its client-side apply last applied (lastAppliedManager), no conflict', () => {
    const file = sb.write('cm2.yaml', CM.replace('x: "1"', 'x: "2"'))
    const r = diff(['-f', file, '--server-side'])
    expect(r.code, r.stderr).to.equal(1)
    expect(r.stdout).to.include('+  x: "2"\n')
    const forced = diff(['-f', file, '--server-side', '--force-conflicts'])
    expect(forced.code).to.equal(1)
    expect(forced.stdout).to.include('+  x: "2"\n')
  })

  it('exits 2 for kubectl\'s own errors, and passes on the external program\'s status', () => {
    const file = path.join(sb.home, 'cm.yaml')
    expect(diff([])).to.deep.equal({stdout: '', stderr: 'error: must specify one of -f and -k\n', code: 2})
    expect(diff(['x', '-f', file])).to.deep.equal({stdout: '', stderr: "error: Unexpected args: [x]\nSee 'ksim diff -h' for help and examples\n", code: 2})
    expect(diff(['-f', file, '--force-conflicts'])).to.deep.equal({stdout: '', stderr: 'error: --force-conflicts only works with --server-side\n', code: 2})
    expect(diff(['-f', 'nope.yaml'])).to.deep.equal({stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', code: 2})
    const changed = sb.write('cm2.yaml', CM.replace('x: "1"', 'x: "2"'))
    expect(diff(['-f', changed], {KUBECTL_EXTERNAL_DIFF: 'no-such-diff-ksim'})).to.deep.equal({stdout: '', stderr: 'error: failed to run "no-such-diff-ksim": executable file not found in $PATH\n', code: 2})
    expect(diff(['-f', changed], {KUBECTL_EXTERNAL_DIFF: 'false'}).code).to.equal(1)
    expect(fs.readdirSync(tmp)).to.deep.equal([])
  })
})
