import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'

describe('ksim cluster and config', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('creates the default cluster with three Ready nodes on first use', () => {
    expect(sb.run(['get', 'nodes', '-o', 'name']).stdout).to.equal('node/ksim-control-plane\nnode/ksim-worker\nnode/ksim-worker2\n')
    expect(sb.run(['config', 'current-context']).stdout).to.equal('ksim\n')
    expect(sb.run(['cluster', 'list', '-o', 'name']).stdout).to.equal('ksim\n')
  })

  it('lists clusters as a table, marking the current one', () => {
    expect(sb.run(['cluster', 'list'])).to.deep.equal({stdout: '', stderr: 'No clusters found.\n', code: 0})
    sb.run(['get', 'nodes'])
    sb.run(['cluster', 'create', 'dev', '--nodes', '1'])
    sb.run(['run', 'web', '--image=nginx'], {env: {KSIM_NO_RECONCILER: '1'}})
    expect(sb.run(['cluster', 'list'])).to.deep.equal({
      stdout: 'CURRENT   NAME   NODES   PODS   RECONCILER\n*         dev    1       1      stopped\n          ksim   3       0      stopped\n',
      stderr: '',
      code: 0,
    })
    sb.run(['config', 'use-context', 'ksim'])
    expect(sb.run(['cluster', 'list']).stdout.split('\n').slice(1, 3)).to.deep.equal(['          dev    1       1      stopped', '*         ksim   3       0      stopped'])
    expect(sb.run(['cluster', 'list', '-o', 'name']).stdout).to.equal('dev\nksim\n')
  })

  it('keeps state private: folder 0700, files 0600', () => {
    sb.run(['get', 'nodes'])
    const dir = path.join(sb.home, 'clusters', 'ksim')
    expect(fs.statSync(dir).mode & 0o777).to.equal(0o700)
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).mode & 0o777, f).to.equal(0o600)
  })

  it('creates, switches between and deletes clusters with their contexts', () => {
    sb.run(['get', 'nodes'])
    expect(sb.run(['cluster', 'create', 'dev', '--nodes', '1', '--node-cpu', '2'])).to.deep.equal({
      stdout: 'Cluster "dev" created with 1 node.\nSwitched to context "dev".\n',
      stderr: '',
      code: 0,
    })
    expect(sb.run(['get', 'nodes', '-o', 'jsonpath={.items[*].status.capacity.cpu}']).stdout).to.equal('2')
    expect(sb.run(['get', 'nodes', '--context', 'ksim', '-o', 'name']).stdout).to.contain('node/ksim-worker2')
    expect(sb.run(['cluster', 'create', 'dev']).stderr).to.equal('error: cluster "dev" already exists\n')
    expect(sb.run(['config', 'get-contexts']).stdout).to.equal(
      'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         dev    dev       dev        \n          ksim   ksim      ksim       \n',
    )
    expect(sb.run(['config', 'use-context', 'ksim']).stdout).to.equal('Switched to context "ksim".\n')
    expect(sb.run(['config', 'use-context', 'nope'])).to.deep.include({stderr: 'error: no context exists with the name: "nope"\n', code: 1})
    expect(sb.run(['cluster', 'delete', 'dev']).stdout).to.equal('Deleted cluster "dev".\n')
    expect(sb.run(['cluster', 'list', '-o', 'name']).stdout).to.equal('ksim\n')
    expect(sb.run(['get', 'pods', '--context', 'dev'])).to.deep.include({stderr: 'error: context was not found for specified context: dev\n', code: 1})
  })

  it('sets the namespace of the current context', () => {
    sb.run(['create', 'namespace', 'work'])
    expect(sb.run(['config', 'set-context', '--current', '--namespace=work']).stdout).to.equal('Context "ksim" modified.\n')
    sb.run(['create', 'secret', 'generic', 'here', '--from-literal=a=b'])
    expect(sb.run(['get', 'secrets', '-n', 'work', '-o', 'name']).stdout).to.equal('secret/here\n')
    expect(sb.run(['get', 'secrets', '-o', 'name']).stdout).to.equal('secret/here\n')
  })

  it('refuses a corrupt, unreadable or newer state file with a clear error and leaves it as it was', () => {
    sb.run(['get', 'nodes'])
    const file = path.join(sb.home, 'clusters', 'ksim', 'state.db')
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, {force: true})
    fs.writeFileSync(file, 'this is not sqlite '.repeat(300))
    const before = fs.readFileSync(file)
    const r = sb.run(['get', 'pods'])
    expect(r.code).to.equal(1)
    expect(r.stderr).to.match(new RegExp(`^error: state file ${file.replaceAll('/', '\\/')} is corrupt or not a ksim state file`))
    expect(fs.readFileSync(file).equals(before)).to.equal(true)
  })

  it('rejects bad flag values for a new cluster', () => {
    expect(sb.run(['cluster', 'create', 'x', '--node-cpu', 'lots'])).to.deep.include({code: 1})
    expect(sb.run(['cluster', 'create', 'Bad_Name']).stderr).to.match(/^error: invalid cluster name "Bad_Name"/)
    expect(sb.run(['cluster', 'create', 'y', '--node-monitor-grace-period', 'soon']).stderr).to.equal(
      'error: invalid argument "soon" for "--node-monitor-grace-period" flag: time: invalid duration "soon"\nSee \'ksim cluster create --help\' for usage.\n',
    )
  })
})
