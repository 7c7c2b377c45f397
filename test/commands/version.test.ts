import {expect} from 'chai'

import {platform} from '../../src/cli/verbs/version.js'
import {Sandbox} from '../helpers/cli.js'

describe('ksim version', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-version-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('prints the client and server versions as kubectl does, and only the client with --client', () => {
    expect(sb.run(['version'])).to.deep.equal({stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\nServer Version: v1.35.2\n', stderr: '', code: 0})
    expect(sb.run(['version', '--client'])).to.deep.equal({stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\n', stderr: '', code: 0})
  })

  it('prints version.Info as JSON in field order and as YAML with sorted keys', () => {
    const json = JSON.parse(sb.run(['version', '-o', 'json']).stdout)
    expect(Object.keys(json)).to.deep.equal(['clientVersion', 'kustomizeVersion', 'serverVersion'])
    expect(Object.keys(json.serverVersion)).to.deep.equal([
      'major', 'minor', 'emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor',
      'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform',
    ])
    expect([json.serverVersion.minor, json.serverVersion.emulationMinor, json.serverVersion.minCompatibilityMinor, json.clientVersion.gitVersion]).to.deep.equal(['35', '35', '34', 'v1.35.2'])
    // kubectl 1.35.2's client part, byte for byte, and the empty line Fprintln adds after the YAML
    expect(sb.run(['version', '--client', '-o', 'yaml']).stdout).to.equal(
      'clientVersion:\n  buildDate: "2026-02-26T20:05:34Z"\n  compiler: gc\n  gitCommit: fdc9d74cbf2da6754ebf81d56f80ae2948cd6425\n  gitTreeState: clean\n  gitVersion: v1.35.2\n' +
        `  goVersion: go1.25.7\n  major: "1"\n  minor: "35"\n  platform: ${platform()}\nkustomizeVersion: v5.7.1\n\n`,
    )
    expect(sb.run(['version', '-o', 'wide'])).to.deep.equal({stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", code: 1})
  })

  it('names the platform as Go does', () => {
    expect([platform('linux', 'x64'), platform('darwin', 'arm64'), platform('win32', 'x64')]).to.deep.equal(['linux/amd64', 'darwin/arm64', 'windows/amd64'])
  })
})
