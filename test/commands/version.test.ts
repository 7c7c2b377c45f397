import {expect} from 'chai'

import {platform} from '../../src/cli/version-info.js'
import {Sandbox} from '../helpers/cli.js'

describe('ksim version', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-version-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('prints the client and server versions as kubectl does, and only the client with --client', () => {
    expect(sb.run(['version'])).to.deep.equal({stdout: 'Client Version: v1.34.0\nServer Version: v1.34.0\n', stderr: '', code: 0})
    expect(sb.run(['version', '--client'])).to.deep.equal({stdout: 'Client Version: v1.34.0\n', stderr: '', code: 0})
  })

  it('prints version.Info as JSON in field order and as YAML with sorted keys', () => {
    const json = JSON.parse(sb.run(['version', '-o', 'json']).stdout)
    expect(Object.keys(json.serverVersion)).to.deep.equal(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'])
    expect([json.serverVersion.major, json.serverVersion.minor, json.clientVersion.gitVersion]).to.deep.equal(['1', '34', 'v1.34.0'])
    expect(sb.run(['version', '--client', '-o', 'yaml']).stdout).to.equal(
      `clientVersion:\n  buildDate: ""\n  compiler: ""\n  gitCommit: ""\n  gitTreeState: ""\n  gitVersion: v1.34.0\n  goVersion: ""\n  major: "1"\n  minor: "34"\n  platform: ${platform()}\n`,
    )
    expect(sb.run(['version', '-o', 'wide'])).to.deep.equal({stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", code: 1})
  })

  it('names the platform as Go does', () => {
    expect([platform('linux', 'x64'), platform('darwin', 'arm64'), platform('win32', 'x64')]).to.deep.equal(['linux/amd64', 'darwin/arm64', 'windows/amd64'])
  })
})
