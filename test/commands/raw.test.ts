// `get --raw` and `create --raw`: kubectl's checks before anything is sent, the server's bytes as they
// are, its errors as kubectl prints them, and the write's effect on the store. (The answers of many paths are
// compared with the real kubectl through ksim serve in test/e2e/serve-compare.test.ts.)
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('get --raw and create --raw', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-raw-', {KSIM_NO_RECONCILER: '1'})
  })
  after(() => sb.cleanup())

  it('get --raw prints the JSON the server would send, without a newline; errors are the server\'s', () => {
    const r = sb.run(['get', '--raw', '/api/v1/namespaces/default'])
    expect(r.code).to.equal(0)
    expect(r.stdout.endsWith('}')).to.equal(true)
    expect(JSON.parse(r.stdout)).to.deep.include({apiVersion: 'v1', kind: 'Namespace'})
    expect(JSON.parse(sb.run(['get', '--raw', '/version']).stdout)).to.deep.include({major: '1', minor: '35'})
    expect(JSON.parse(sb.run(['get', '--raw', '/apis/apps/v1']).stdout)).to.deep.include({kind: 'APIResourceList', groupVersion: 'apps/v1'})
    expect(sb.run(['get', '--raw', '/api/v1/namespaces/nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): namespaces "nope" not found\n', code: 1})
    expect(sb.run(['get', '--raw', '/nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n', code: 1})
  })

  it('the APIResourceList entries carry kube-apiserver\'s storageVersionHash, after shortNames and categories', () => {
    // sha256("/v1/ConfigMap")[:8] in base64, the value a real 1.35 server reports for configmaps
    expect(sb.run(['get', '--raw', '/api/v1']).stdout).to.include(
      '{"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["cm"],"storageVersionHash":"qFsyl6wFWjQ="}',
    )
    const pods = JSON.parse(sb.run(['get', '--raw', '/api/v1']).stdout).resources.filter((r: {name: string}) => r.name.startsWith('pods'))
    expect(Object.keys(pods[0]).slice(-3)).to.deep.equal(['shortNames', 'categories', 'storageVersionHash'])
    expect(pods[0].storageVersionHash).to.equal('xPOwRZ+Yhw8=')
    // subresources have none
    expect(pods.slice(1).every((r: Record<string, unknown>) => !('storageVersionHash' in r))).to.equal(true)
    const deploy = JSON.parse(sb.run(['get', '--raw', '/apis/apps/v1']).stdout).resources.find((r: {name: string}) => r.name === 'deployments')
    expect(deploy.storageVersionHash).to.equal('8aSe+NMegvE=')
  })

  it('get --raw refuses what kubectl refuses', () => {
    expect(sb.run(['get', '--raw', 'api'])).to.deep.equal({stdout: '', stderr: 'error: --raw must be a valid URL path: parse "api": invalid URI for request\n', code: 1})
    expect(sb.run(['get', '--raw', '/api', '-o', 'yaml'])).to.deep.equal({stdout: '', stderr: 'error: --raw and --output are mutually exclusive\n', code: 1})
    expect(sb.run(['get', 'pods', '--raw', '/api'])).to.deep.equal({stdout: '', stderr: 'error: arguments may not be passed when --raw is specified\n', code: 1})
  })

  it('create --raw POSTs a file or stdin as it is and prints the answer', () => {
    const file = sb.write('cm.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"raw1"},"data":{"a":"b"}}')
    const r = sb.run(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', file])
    expect(r.code, r.stderr).to.equal(0)
    expect(JSON.parse(r.stdout)).to.deep.include({kind: 'ConfigMap', data: {a: 'b'}})
    expect(sb.run(['get', 'cm', 'raw1', '-o', 'jsonpath={.data.a} {.metadata.managedFields[0].manager}']).stdout).to.equal('b kubectl')
    expect(sb.run(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', file])).to.deep.equal({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): configmaps "raw1" already exists\n',
      code: 1,
    })
    const fromStdin = sb.run(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', '-'], {input: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"raw2"}}'})
    expect(fromStdin.code, fromStdin.stderr).to.equal(0)
    expect(sb.run(['get', 'cm', 'raw2', '-o', 'name']).stdout).to.equal('configmap/raw2\n')
  })

  it('create --raw sends the file as it is: YAML is not JSON, so the server cannot read its kind', () => {
    // the create handler's transformDecodeError: the decoder's error and the first 30 bytes, in hex unless they start with '{'
    const pod = sb.write('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: valid-pod\n')
    expect(sb.run(['create', '--raw', '/api/v1/namespaces', '-f', pod])).to.deep.equal({
      stdout: '',
      stderr: `Error from server (BadRequest): the object provided is unrecognized (must be of type Namespace): couldn't get version/kind; json parse error: invalid character 'a' looking for beginning of value (${Buffer.from('apiVersion: v1\nkind: Pod\nmetad').toString('hex')} ...)\n`,
      code: 1,
    })
    const str = sb.write('str.json', '"just a string"')
    expect(sb.run(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', str]).stderr).to.equal(
      `Error from server (BadRequest): the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (${Buffer.from('"just a string"').toString('hex')})\n`,
    )
  })

  it('create --raw refuses what kubectl refuses, writing nothing', () => {
    const file = sb.write('cm3.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"raw3"}}')
    const cases: Array<[string[], string]> = [
      [['-f', file, '-f', file], '--raw can only use a single local file or stdin'],
      [[], '--raw can only use a single local file or stdin'],
      [['-f', 'https://example.com/x.json'], '--raw cannot read from a url'],
      [['-f', file, '-R'], '--raw and --recursive are mutually exclusive'],
      [['-f', file, '-o', 'name'], '--raw and --output are mutually exclusive'],
    ]
    for (const [extra, message] of cases) {
      expect(sb.run(['create', '--raw', '/api/v1/namespaces/default/configmaps', ...extra]), message).to.deep.equal({stdout: '', stderr: `error: ${message}\n`, code: 1})
    }
    expect(sb.run(['create', '--raw', 'x', '-f', file]).stderr).to.equal('error: --raw must be a valid URL path: parse "x": invalid URI for request\n')
    expect(sb.run(['get', 'cm', 'raw3']).code).to.equal(1)
  })
})
