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
