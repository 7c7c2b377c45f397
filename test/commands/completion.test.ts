import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'

describe('ksim completion', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('prints the bash and zsh scripts', () => {
    const bash = sb.run(['completion', 'bash'])
    expect(bash.code).to.equal(0)
    expect(bash.stdout).to.match(/^# bash completion for ksim\n/)
    expect(bash.stdout).to.match(/\ncomplete -F _ksim ksim\n$/)
    const zsh = sb.run(['completion', 'zsh'])
    expect(zsh.stdout).to.match(/^#compdef ksim\n/)
    expect(zsh.stdout).to.match(/\n {2}compdef _ksim ksim\nfi\n$/)
  })

  it("fails as kubectl does without a shell, with two, or with one it doesn't support", () => {
    expect(sb.run(['completion'])).to.deep.equal({stdout: '', stderr: "error: Shell not specified.\nSee 'ksim completion -h' for help and examples\n", code: 1})
    expect(sb.run(['completion', 'bash', 'zsh']).stderr).to.equal("error: Too many arguments. Expected only the shell type.\nSee 'ksim completion -h' for help and examples\n")
    expect(sb.run(['completion', 'fish'])).to.deep.equal({stdout: '', stderr: 'error: Unsupported shell type "fish".\nSee \'ksim completion -h\' for help and examples\n', code: 1})
  })

  it('answers __complete on stdout only, and creates no cluster', () => {
    expect(sb.run(['__complete', 'cluster', ''])).to.deep.equal({stdout: 'create\ndelete\nlist\nstart\nstatus\nstop\nuse\n:0\n', stderr: '', code: 0})
    expect(sb.run(['__complete', 'get', 'pods', ''])).to.deep.equal({stdout: ':0\n', stderr: '', code: 0})
    expect(sb.run(['__complete'])).to.deep.equal({stdout: sb.run(['__complete', '']).stdout, stderr: '', code: 0})
    expect(fs.existsSync(path.join(sb.home, 'clusters'))).to.equal(false)
  })

  it('prints no error and exits 0 when the state file or the config is corrupt', () => {
    fs.mkdirSync(path.join(sb.home, 'clusters', 'ksim'), {recursive: true})
    fs.writeFileSync(path.join(sb.home, 'clusters', 'ksim', 'state.db'), 'not a database')
    expect(sb.run(['__complete', 'get', 'pods', ''])).to.deep.equal({stdout: ':0\n', stderr: '', code: 0})
    fs.writeFileSync(path.join(sb.home, 'config.json'), '{not json')
    expect(sb.run(['__complete', 'get', '--context', ''])).to.deep.equal({stdout: ':0\n', stderr: '', code: 0})
    expect(sb.run(['__complete', 'get', '-n', ''])).to.deep.equal({stdout: ':0\n', stderr: '', code: 0})
  })
})
