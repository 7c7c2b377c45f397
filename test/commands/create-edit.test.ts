// `ksim create --edit`: each -f object opened in the editor on its own, created as saved. The expected
// texts are kubectl 1.35.2's, as it printed them creating the same files through `ksim serve`.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'

// appends every file it is shown to shown.txt, then replaces ED_FROM by ED_TO (every occurrence) when given
const EDITOR = `const fs = require('fs')
const file = process.argv[process.argv.length - 1]
const text = fs.readFileSync(file, 'utf8')
fs.appendFileSync(process.env.ED_SHOWN, text + '=====\\n')
if (process.env.ED_FROM) fs.writeFileSync(file, text.split(process.env.ED_FROM).join(process.env.ED_TO))
`

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

const MAPS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ed1
data:
  a: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ed2
data:
  a: "1"
`

describe('ksim create --edit', function () {
  this.timeout(120_000)
  let sb: Sandbox
  let file: string
  beforeEach(() => {
    sb = new Sandbox('ksim-create-edit-', {KSIM_NO_RECONCILER: '1'})
    sb.write('editor.cjs', EDITOR)
    fs.mkdirSync(path.join(sb.home, 'tmp'))
    file = sb.write('maps.yaml', MAPS)
  })
  afterEach(() => sb.cleanup())

  const create = (args: string[], edit: {from?: string; to?: string} = {}) => {
    fs.rmSync(path.join(sb.home, 'shown.txt'), {force: true})
    const env = {KUBE_EDITOR: `${process.execPath} ${path.join(sb.home, 'editor.cjs')}`, ED_SHOWN: path.join(sb.home, 'shown.txt'), ED_FROM: edit.from ?? '', ED_TO: edit.to ?? '', TMPDIR: path.join(sb.home, 'tmp')}
    return sb.run(['create', ...args], {env})
  }
  const shown = () => fs.readFileSync(path.join(sb.home, 'shown.txt'), 'utf8').split('=====\n').slice(0, -1)
  const kept = () => fs.readdirSync(path.join(sb.home, 'tmp'))

  it('shows each object alone, in its namespace, and creates nothing from an unchanged file', () => {
    expect(create(['--edit', '-f', file])).to.deep.equal({stdout: '', stderr: 'Edit cancelled, no changes made.\nEdit cancelled, no changes made.\n', code: 0})
    expect(shown()).to.deep.equal([
      `${HEADER}apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: ed1\n  namespace: default\n`,
      `${HEADER}apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: ed2\n  namespace: default\n`,
    ])
    expect(sb.run(['get', 'configmaps', '-o', 'name']).stdout).to.equal('configmap/kube-root-ca.crt\n')
    expect(kept()).to.deep.equal([])
  })

  it('creates what was saved, printing create\'s line (and -o yaml the object)', () => {
    expect(create(['--edit', '-f', file], {from: 'a: "1"', to: 'a: "2"'})).to.deep.equal({stdout: 'configmap/ed1 created\nconfigmap/ed2 created\n', stderr: '', code: 0})
    expect(sb.run(['get', 'configmap', 'ed1', 'ed2', '-o', 'jsonpath={.items[*].data.a}']).stdout).to.equal('2 2')
    expect(kept()).to.deep.equal([])
    const one = sb.write('one.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ed3}\n')
    const out = create(['--edit', '-f', one, '-o', 'yaml', '--save-config'], {from: 'name: ed3', to: 'name: ed3\n  labels: {x: "z"}'})
    expect([out.stderr, out.code]).to.deep.equal(['', 0])
    expect(out.stdout).to.match(/^apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    kubectl.kubernetes.io\/last-applied-configuration: \|\n      \{"apiVersion":"v1","kind":"ConfigMap","metadata":\{"annotations":\{\},"labels":\{"x":"z"\},"name":"ed3","namespace":"default"\}\}\n/)
  })

  it('keeps the file of each object the server refuses, goes on to the next, and prints the errors last', () => {
    sb.run(['create', 'configmap', 'ed1'])
    const r = create(['--edit', '-f', file], {from: 'a: "1"', to: 'a: "2"'})
    const files = kept()
    expect(files).to.have.length(1)
    const copy = path.join(sb.home, 'tmp', files[0]!)
    expect(files[0]).to.match(/^ksim-edit-\d+\.yaml$/)
    expect(r).to.deep.equal({stdout: 'configmap/ed2 created\n', stderr: `A copy of your changes has been stored to "${copy}"\nError from server (AlreadyExists): configmaps "ed1" already exists\n`, code: 1})
    expect(fs.readFileSync(copy, 'utf8')).to.include('  a: "2"\n')
  })

  it('refuses an -o it cannot edit in, once per object, and --edit with --raw', () => {
    expect(create(['--edit', '-f', file, '-o', 'name'])).to.deep.equal({
      stdout: '',
      stderr: 'unable to match a printer suitable for the output format "name", allowed formats are: json,kyaml,yaml\nunable to match a printer suitable for the output format "name", allowed formats are: json,kyaml,yaml\n',
      code: 1,
    })
    expect(create(['--raw', '/api/v1/namespaces', '-f', file, '--edit'])).to.deep.equal({stdout: '', stderr: 'error: --raw and --edit are mutually exclusive\n', code: 1})
  })
})
