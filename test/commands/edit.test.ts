// `ksim edit` with a scripted editor: a node script as KUBE_EDITOR that records every file it was given
// and rewrites it with the next step's function. The expected texts are kubectl 1.35.2's, as it printed
// them editing the same objects through `ksim serve`.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {BIN, Sandbox} from '../helpers/cli.js'

const EDITOR = `const fs = require('fs')
const path = require('path')
const file = process.argv[process.argv.length - 1]
const dir = path.dirname(process.env.ED_STEPS_FILE)
const seen = fs.readdirSync(dir).filter((f) => f.startsWith('seen-')).length
fs.writeFileSync(path.join(dir, 'seen-' + seen), file + '\\n' + fs.readFileSync(file, 'utf8'))
const steps = JSON.parse(fs.readFileSync(process.env.ED_STEPS_FILE, 'utf8'))
const step = steps[Math.min(seen, steps.length - 1)]
if (step === 'fail') process.exit(3)
if (step) fs.writeFileSync(file, new Function('text', 'run', step)(fs.readFileSync(file, 'utf8'), (args) => require('child_process').execFileSync(process.execPath, [process.env.KSIM_BIN, ...args])))
`

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`

describe('ksim edit', function () {
  this.timeout(120_000)
  let sb: Sandbox
  let dir: string
  beforeEach(() => {
    sb = new Sandbox('ksim-edit-', {KSIM_NO_RECONCILER: '1'})
    dir = path.join(sb.home, 'ed')
    fs.mkdirSync(dir)
    fs.mkdirSync(path.join(sb.home, 'tmp'))
    sb.write('ed/editor.cjs', EDITOR)
    expect(sb.run(['create', 'configmap', 'cm', '--from-literal=a=1']).code).to.equal(0)
  })
  afterEach(() => sb.cleanup())

  /** Runs `ksim edit ...` with the editor doing `steps` (function bodies of `text`, or 'fail'). */
  const edit = (steps: string[], args: string[], env: Record<string, string> = {}) => {
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('seen-'))) fs.rmSync(path.join(dir, f))
    fs.writeFileSync(path.join(dir, 'steps.json'), JSON.stringify(steps))
    return sb.run(['edit', ...args], {env: {KUBE_EDITOR: `${process.execPath} ${path.join(dir, 'editor.cjs')}`, ED_STEPS_FILE: path.join(dir, 'steps.json'), KSIM_BIN: BIN, TMPDIR: path.join(sb.home, 'tmp'), ...env}})
  }
  /** What the editor was shown on its n-th opening: the file's path and its text. */
  const seen = (n: number) => {
    const text = fs.readFileSync(path.join(dir, `seen-${n}`), 'utf8')
    const nl = text.indexOf('\n')
    return {file: text.slice(0, nl), text: text.slice(nl + 1)}
  }
  const opened = () => fs.readdirSync(dir).filter((f) => f.startsWith('seen-')).length
  const get = (obj: string, jsonpath: string) => sb.run(['get', obj, '-o', `jsonpath=${jsonpath}`]).stdout
  const setA = (value: string) => `return text.replace('a: "1"', 'a: "${value}"')`

  it('opens the object under the header, and an unchanged file cancels', () => {
    const rv = get('cm/cm', '{.metadata.resourceVersion}')
    expect(edit([], ['cm', 'cm'])).to.deep.equal({stdout: '', stderr: 'Edit cancelled, no changes made.\n', code: 0})
    const {file, text} = seen(0)
    expect(path.dirname(file)).to.equal(path.join(sb.home, 'tmp'))
    expect(path.basename(file)).to.match(/^ksim-edit-\d+\.yaml$/)
    expect(fs.existsSync(file)).to.equal(false)
    const uid = get('cm/cm', '{.metadata.uid}')
    const created = get('cm/cm', '{.metadata.creationTimestamp}')
    expect(text).to.equal(
      `${HEADER}apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: "${created}"\n  name: cm\n  namespace: default\n  resourceVersion: "${rv}"\n  uid: ${uid}\n`,
    )
    expect(get('cm/cm', '{.metadata.resourceVersion}')).to.equal(rv)
  })

  it('sends the two-way strategic merge patch, prints it with --output-patch, and records kubectl-edit', () => {
    expect(edit([setA('2')], ['configmap/cm', '--output-patch'])).to.deep.equal({stdout: 'Patch: {"data":{"a":"2"}}\nconfigmap/cm edited\n', stderr: '', code: 0})
    expect(get('cm/cm', '{.data.a} {.metadata.managedFields[*].manager}')).to.equal('2 kubectl-create kubectl-edit')
    expect(sb.run(['create', '-f', sb.write('d.yaml', DEPLOY)]).code).to.equal(0)
    const r = edit(["return text.replace('image: nginx', 'image: nginx:2')"], ['deploy', 'web', '--output-patch'])
    expect(r.stdout).to.equal('Patch: {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:2","name":"nginx"}]}}}}\ndeployment.apps/web edited\n')
    expect(get('deploy/web', '{.spec.template.spec.containers[0].image}')).to.equal('nginx:2')
  })

  it('reopens the file with the server\'s reasons after an invalid save, then saves the fix', () => {
    expect(sb.run(['create', '-f', sb.write('d.yaml', DEPLOY)]).code).to.equal(0)
    const r = edit(["return text.replace('replicas: 1', 'replicas: -1')", "return text.replace('replicas: -1', 'replicas: 2')"], ['deploy/web'])
    expect(r).to.deep.equal({stdout: 'deployment.apps/web edited\n', stderr: 'error: deployments.apps "web" is invalid\n', code: 0})
    const second = seen(1).text
    expect(second.startsWith(`${HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n`)).to.equal(true)
    expect(second).to.include('  replicas: -1\n')
    expect(get('deploy/web', '{.spec.replicas}')).to.equal('2')
  })

  it('a file that does not parse reopens with the reason; saving it unchanged gives up and keeps it', () => {
    const r = edit(["return text.replace('data:', 'data: [')", 'return text'], ['cm', 'cm'])
    const kept = seen(1).file
    expect(r).to.deep.equal({stdout: '', stderr: `error: configmaps "cm" is invalid\nA copy of your changes has been stored to "${kept}"\nerror: Edit cancelled, no valid changes were saved.\n`, code: 1})
    // giving up returns before the first pass's file is cleaned up, as in kubectl
    expect(fs.existsSync(seen(0).file)).to.equal(true)
    fs.rmSync(seen(0).file)
    expect(seen(1).text).to.include(`#\n# configmaps "cm" was not valid:\n# * <nil>: Invalid value: "The edited file failed validation": yaml: line 3: did not find expected ',' or ']'\n#\napiVersion: v1\ndata: [\n`)
    expect(fs.readFileSync(kept, 'utf8')).to.include('data: [\n')
    fs.rmSync(kept)
    // with --validate=false the same file is read as a stream, whose error the header names instead
    const r2 = edit(["return text.replace('data:', 'data: [')", 'return text'], ['cm', 'cm', '--validate=false'])
    expect(r2.code).to.equal(1)
    expect(seen(1).text).to.include("# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line 7: did not find expected ',' or ']'\n#\n")
    fs.rmSync(seen(0).file)
    fs.rmSync(seen(1).file)
  })

  it('an emptied file fails the file check (kubectl 1.35); without validation it cancels', () => {
    const r = edit(['return ""'], ['cm', 'cm'])
    expect(r.stderr).to.equal(`error: configmaps "cm" is invalid\nA copy of your changes has been stored to "${seen(1).file}"\nerror: Edit cancelled, no valid changes were saved.\n`)
    expect(seen(1).text).to.include('# * <nil>: Invalid value: "The edited file failed validation": invalid object to validate\n')
    fs.rmSync(seen(0).file)
    fs.rmSync(seen(1).file)
    expect(edit(['return "# nothing\\n"'], ['cm', 'cm', '--validate=false'])).to.deep.equal({stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', code: 0})
  })

  it('a conflict keeps the file and says how to retry it; a changed name is refused', () => {
    const r = edit([`return text.replace(/resourceVersion: "\\d+"/, 'resourceVersion: "3"').replace('a: "1"', 'a: "5"')`], ['cm', 'cm'])
    const file = seen(0).file
    expect(r).to.deep.equal({
      stdout: '',
      stderr: `error: configmaps "cm" could not be patched: Operation cannot be fulfilled on configmaps "cm": the object has been modified; please apply your changes to the latest version and try again\nYou can run \`ksim replace -f ${file}\` to try this update again.\n`,
      code: 1,
    })
    expect(fs.readFileSync(file, 'utf8')).to.include('a: "5"')
    fs.rmSync(file)
    const r2 = edit(["return text.replace('name: cm', 'name: cm2')"], ['cm', 'cm'])
    expect(r2).to.deep.equal({stdout: '', stderr: `A copy of your changes has been stored to "${seen(0).file}"\nerror: At least one of apiVersion, kind and name was changed\n`, code: 1})
    fs.rmSync(seen(0).file)
    expect(get('cm/cm', '{.data.a}')).to.equal('1')
  })

  it('an object deleted while it was edited: its edits are kept', () => {
    const r = edit([`run(['delete', 'cm', 'cm']); return text.replace('a: "1"', 'a: "10"')`], ['cm/cm'])
    const file = seen(0).file
    expect(r.stderr).to.equal(`error: configmaps "cm" could not be found on the server\nThe edits you made on deleted resources have been saved to "${file}"\n`)
    expect(r.code).to.equal(1)
    fs.rmSync(file)
  })

  it('edits several objects as one List: changed ones edited, the others skipped', () => {
    expect(sb.run(['create', '-f', sb.write('d.yaml', DEPLOY)]).code).to.equal(0)
    expect(edit([setA('7')], ['cm/cm', 'deploy/web'])).to.deep.equal({stdout: 'configmap/cm edited\ndeployment.apps/web skipped\n', stderr: '', code: 0})
    const {text} = seen(0)
    expect(text.startsWith(`${HEADER}apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    a: "1"\n  kind: ConfigMap\n`)).to.equal(true)
    expect(text.endsWith('kind: List\nmetadata: {}\n')).to.equal(true)
    expect(text).not.to.include('managedFields')
  })

  it('--save-config writes the edited object as the last-applied annotation', () => {
    expect(edit([setA('8')], ['cm/cm', '--save-config']).stdout).to.equal('configmap/cm edited\n')
    const ann = JSON.parse(get('cm/cm', '{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'))
    expect(ann.data).to.deep.equal({a: '8'})
    expect(ann.metadata.annotations).to.deep.equal({})
    expect(ann.metadata.managedFields.map((m: {manager: string}) => m.manager)).to.deep.equal(['kubectl-create'])
  })

  it('-o json edits JSON without the header and prints the result; other formats cannot be edited', () => {
    const r = edit(["return text.replace('\"a\": \"1\"', '\"a\": \"9\"')"], ['cm/cm', '-o', 'json', '--windows-line-endings'])
    expect(r.code).to.equal(0)
    expect(JSON.parse(r.stdout).data).to.deep.equal({a: '9'})
    expect(path.extname(seen(0).file)).to.equal('.json')
    expect(seen(0).text.startsWith('{\r\n    "apiVersion": "v1",\r\n')).to.equal(true)
    expect(edit([], ['cm/cm', '-o', 'name'])).to.deep.equal({stdout: '', stderr: 'error: unable to match a printer suitable for the output format "name", allowed formats are: json,kyaml,yaml\n', code: 1})
    expect(opened()).to.equal(0)
  })

  it('finds the editor in KUBE_EDITOR, then EDITOR, and says when it fails', () => {
    const script = `${process.execPath} ${path.join(dir, 'editor.cjs')}`
    expect(edit([setA('3')], ['cm/cm'], {KUBE_EDITOR: '', EDITOR: script}).stdout).to.equal('configmap/cm edited\n')
    expect(edit(['fail'], ['cm/cm'])).to.deep.equal({stdout: '', stderr: `error: there was a problem with the editor "${script}"\n`, code: 1})
    expect(edit([], ['cm/cm'], {KUBE_EDITOR: 'no-such-editor-ksim'})).to.deep.equal({stdout: '', stderr: 'error: unable to launch the editor "no-such-editor-ksim"\n', code: 1})
  })

  it('edits the status subresource; lookup failures end before any editor opens', () => {
    expect(sb.run(['create', '-f', sb.write('d.yaml', DEPLOY)]).code).to.equal(0)
    const r = edit(["return text.replace(/\\nstatus: \\{\\}\\n/, '\\nstatus:\\n  observedGeneration: 9\\n')"], ['deploy/web', '--subresource', 'status', '--output-patch'])
    expect(r).to.deep.equal({stdout: 'Patch: {"status":{"observedGeneration":9}}\ndeployment.apps/web edited\n', stderr: '', code: 0})
    expect(get('deploy/web', '{.status.observedGeneration}')).to.equal('9')
    const gone = {stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n', code: 1}
    expect(edit([], ['cm/cm', '--subresource', 'status'])).to.deep.equal(gone)
    expect(edit([], ['deploy/web', '--subresource', 'foo'])).to.deep.equal(gone)
    expect(edit([], ['cm', 'nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): configmaps "nope" not found\n', code: 1})
    expect(edit([], ['cm/cm', 'cm/nope1', 'cm/nope2'])).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (NotFound): configmaps "nope1" not found\nError from server (NotFound): configmaps "nope2" not found\n',
      code: 1,
    })
    expect(edit([], ['secrets', '-n', 'kube-public'])).to.deep.equal({stdout: '', stderr: 'error: edit cancelled, no objects found\n', code: 1})
    expect(edit([], []).stderr).to.match(/^error: You must provide one or more resources by argument or filename\./)
    expect(opened()).to.equal(0)
  })
})
