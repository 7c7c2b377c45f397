// A -f document kubectl cannot read (no kind), seen by the verbs that do not validate: kubectl's decoder
// error, which quotes the document as JSON (a JSON document's own text; a YAML one re-marshalled, keys
// sorted), printed the way each verb prints its builder's errors. Every expected string is what the real
// kubectl 1.35.2 printed against `ksim serve` for the same files.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: busybox\n`
const NO_KIND_YAML = 'apiVersion: v1\nmetadata:\n  name: x\n  labels: {b: "1", a: 2}\nind: Pod\n'
const NO_KIND_JSON = '{"apiVersion": "v1",\n "metadata": {"name": "x", "labels": {"b":"1","a":"2"}}, "ind": "Pod"}\n'

describe('documents without a kind, in the verbs that do not validate', function () {
  this.timeout(300_000)
  let sb: Sandbox
  let yamlFile: string
  let jsonFile: string
  const decodeYaml = (file: string) => `unable to decode "${file}": Object 'Kind' is missing in '{"apiVersion":"v1","ind":"Pod","metadata":{"labels":{"a":2,"b":"1"},"name":"x"}}'\n`
  beforeEach(() => {
    sb = new Sandbox('ksim-docerr-', {KSIM_NO_RECONCILER: '1'})
    yamlFile = sb.write('nokind.yaml', NO_KIND_YAML)
    jsonFile = sb.write('nokind.json', NO_KIND_JSON)
  })
  afterEach(() => sb.cleanup())

  it('quote a YAML document as sorted JSON and a JSON one as written, and validate only where asked', () => {
    expect(sb.run(['create', '-f', yamlFile, '--validate=false'])).to.deep.equal({stdout: '', stderr: `error: ${decodeYaml(yamlFile)}`, code: 1})
    expect(sb.run(['create', '-f', jsonFile, '--validate=false'])).to.deep.equal({
      stdout: '',
      stderr: `error: unable to decode "${jsonFile}": Object 'Kind' is missing in '{"apiVersion": "v1",\n "metadata": {"name": "x", "labels": {"b":"1","a":"2"}}, "ind": "Pod"}'\n`,
      code: 1,
    })
    // get, annotate and delete have no --validate: the decoder's error, not the schema's
    expect(sb.run(['get', '-f', yamlFile, '-o', 'name'])).to.deep.equal({stdout: '', stderr: `error: ${decodeYaml(yamlFile)}`, code: 1})
    expect(sb.run(['annotate', '-f', yamlFile, 'a=b'])).to.deep.equal({stdout: '', stderr: `error: ${decodeYaml(yamlFile)}`, code: 1})
    expect(sb.run(['delete', '-f', yamlFile])).to.deep.equal({stdout: '', stderr: `error: ${decodeYaml(yamlFile)}`, code: 1})
  })

  it("get's table and describe print the builder's errors through an aggregate, without `error: `", () => {
    const other = sb.write('nokind2.yaml', NO_KIND_YAML)
    expect(sb.run(['get', '-f', yamlFile])).to.deep.equal({stdout: '', stderr: decodeYaml(yamlFile), code: 1})
    expect(sb.run(['get', '-f', yamlFile, '-o', 'wide'])).to.deep.equal({stdout: '', stderr: decodeYaml(yamlFile), code: 1})
    expect(sb.run(['describe', '-f', yamlFile])).to.deep.equal({stdout: '', stderr: decodeYaml(yamlFile), code: 1})
    // one file implies one item: its error alone, no empty List
    expect(sb.run(['get', '-f', yamlFile, '-o', 'yaml'])).to.deep.equal({stdout: '', stderr: `error: ${decodeYaml(yamlFile)}`, code: 1})
    // two files: the List, then both errors, unprefixed as an aggregate of several
    expect(sb.run(['get', '-f', yamlFile, '-f', other, '-o', 'yaml'])).to.deep.equal({
      stdout: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
      stderr: decodeYaml(yamlFile) + decodeYaml(other),
      code: 1,
    })
    expect(sb.run(['get', '-f', yamlFile, '-f', other, '-o', 'name'])).to.deep.equal({stdout: '', stderr: decodeYaml(yamlFile) + decodeYaml(other), code: 1})
  })

  it('a directory holding one file is one item, as one file is; the objects found print before the errors', () => {
    expect(sb.run(['create', '-f', sb.write('one/pod.yaml', POD('p1'))]).code).to.equal(0)
    expect(sb.run(['get', '-f', `${sb.home}/one`, '-o', 'jsonpath={.kind}'])).to.deep.equal({stdout: 'Pod', stderr: '', code: 0})
    const found = sb.run(['get', '-f', `${sb.home}/one/pod.yaml`, '-f', yamlFile])
    expect(found.stdout).to.match(/^NAME {3}READY {3}STATUS {4}RESTARTS {3}AGE\np1 {5}0\/1 {5}Pending {3}0 {10}\S+\n$/)
    expect(found.stderr).to.equal(decodeYaml(yamlFile))
    expect(found.code).to.equal(1)
  })

  it('files and resource arguments together are refused before any file is read', () => {
    const refused = {stdout: '', stderr: 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n', code: 1}
    expect(sb.run(['get', 'pods', 'nope', '-f', yamlFile])).to.deep.equal(refused)
    expect(sb.run(['describe', 'pods', '-f', yamlFile])).to.deep.equal(refused)
    expect(sb.run(['label', 'pods', 'a=b', '-f', yamlFile])).to.deep.equal(refused)
    expect(sb.run(['get', 'pods/nope', '-f', yamlFile])).to.deep.equal({...refused, stderr: 'error: resource/name arguments cannot be provided when a path is specified\n'})
  })

  it('delete --dry-run names the namespace before the dry-run mark, as delete.go PrintObj', () => {
    expect(sb.run(['create', '-f', sb.write('p.yaml', POD('p1'))]).code).to.equal(0)
    expect(sb.run(['delete', 'pod', 'p1', '--dry-run=client'])).to.deep.equal({stdout: 'pod "p1" deleted from default namespace (dry run)\n', stderr: '', code: 0})
    expect(sb.run(['delete', 'pod', 'p1', '--dry-run=server'])).to.deep.equal({stdout: 'pod "p1" deleted from default namespace (server dry run)\n', stderr: '', code: 0})
  })
})
