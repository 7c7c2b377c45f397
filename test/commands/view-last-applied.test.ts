// `apply view-last-applied`: each expected text is what the real kubectl 1.35.2 printed against
// `ksim serve` for the same objects and arguments.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const CM1 = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm1\n  labels: {z: "1", a: "2"}\ndata:\n  k: "v <&>"\n  e: ""\n'
const CM2 = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm2","annotations":{"b":"1","a":"2"}},"data":{"z":"1","a":"2"}}'
const CM1_YAML = 'apiVersion: v1\ndata:\n  e: ""\n  k: v <&>\nkind: ConfigMap\nmetadata:\n  annotations: {}\n  labels:\n    a: "2"\n    z: "1"\n  name: cm1\n  namespace: default\n'

describe('apply view-last-applied', function () {
  this.timeout(300_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-vla-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())
  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})

  it('prints the annotation as YAML with its keys sorted, or as the stored JSON indented, for each object found', () => {
    expect(sb.run(['apply', '-f', sb.write('cm1.yaml', CM1)]).code).to.equal(0)
    expect(sb.run(['apply', '-f', sb.write('cm2.json', CM2)]).code).to.equal(0)
    const stored = sb.run(['get', 'cm', 'cm1', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']).stdout
    expect(JSON.parse(stored)).to.deep.equal({apiVersion: 'v1', data: {e: '', k: 'v <&>'}, kind: 'ConfigMap', metadata: {annotations: {}, labels: {a: '2', z: '1'}, name: 'cm1', namespace: 'default'}})
    expect(sb.run(['apply', 'view-last-applied', 'cm/cm1'])).to.deep.equal(ok(CM1_YAML))
    expect(sb.run(['apply', 'view-last-applied', '-f', `${sb.home}/cm1.yaml`])).to.deep.equal(ok(CM1_YAML))
    // json: the stored text indented, its trailing newline kept; objects back to back
    const json = sb.run(['apply', 'view-last-applied', 'cm', 'cm1', 'cm2', '-o', 'json'])
    expect(json.code).to.equal(0)
    expect(json.stdout).to.equal(`${indent(stored)}\n${indent(sb.run(['get', 'cm', 'cm2', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']).stdout)}\n`)
    expect(json.stdout.startsWith('{\n  "apiVersion": "v1",\n  "data": {\n    "e": "",\n    "k": "v \\u003c\\u0026\\u003e"\n  },')).to.equal(true)
    // a label selector, and --all
    expect(sb.run(['apply', 'view-last-applied', 'cm', '-l', 'a=2'])).to.deep.equal(ok(CM1_YAML))
    expect(sb.run(['apply', 'view-last-applied', 'cm', '--all']).stdout.match(/^apiVersion: v1$/gm)).to.have.length(2)
  })

  it('skips an object without the annotation named by argument, and refuses one named by a file with kubectl\'s odd message', () => {
    expect(sb.run(['create', 'cm', 'plain', '--from-literal=a=b']).code).to.equal(0)
    expect(sb.run(['apply', 'view-last-applied', 'cm/plain'])).to.deep.equal(ok(''))
    // with nothing to print, -o is never looked at
    expect(sb.run(['apply', 'view-last-applied', 'cm/plain', '-o', 'xml'])).to.deep.equal(ok(''))
    const file = sb.write('nolast.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nolast\n')
    expect(sb.run(['create', '-f', file]).code).to.equal(0)
    expect(sb.run(['apply', 'view-last-applied', '-f', file])).to.deep.equal({
      stdout: '',
      stderr: `error: error when no last-applied-configuration annotation found on resource: nolast\n "${file}": <nil>\n`,
      code: 1,
    })
  })

  it('prints nothing when the builder fails, and refuses a bad -o, a missing resource and files with names', () => {
    expect(sb.run(['apply', '-f', sb.write('cm1.yaml', CM1)]).code).to.equal(0)
    expect(sb.run(['apply', 'view-last-applied', 'cm/nope', 'cm/cm1'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): configmaps "nope" not found\n', code: 1})
    expect(sb.run(['apply', 'view-last-applied', 'cm/cm1', '-o', 'xml'])).to.deep.equal({
      stdout: '',
      stderr: "error: Unexpected -o output mode: xml, the flag 'output' must be one of yaml|json\nSee 'ksim apply view-last-applied -h' for help and examples\n",
      code: 1,
    })
    expect(sb.run(['apply', 'view-last-applied'])).to.deep.equal({
      stdout: '',
      stderr: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      code: 1,
    })
    expect(sb.run(['apply', 'view-last-applied', 'cm/cm1', '-f', `${sb.home}/cm1.yaml`])).to.deep.equal({stdout: '', stderr: 'error: resource/name arguments cannot be provided when a path is specified\n', code: 1})
  })
})

// encoding/json.Indent of a compact document (what the annotation holds), without its newline
function indent(compact: string): string {
  return JSON.stringify(JSON.parse(compact), null, 2).replace(/[<>&]/g, (c) => ({'<': '\\u003c', '>': '\\u003e', '&': '\\u0026'})[c]!)
}
