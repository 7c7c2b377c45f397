// Nothing outside KSIM_HOME is touched and nothing inside it is given away: cluster names that are not
// plain folder names are refused wherever they enter, links in a cluster folder are not followed, a
// folder other users may write to is refused (as ssh refuses such a ~/.ssh), context names such as
// `__proto__` are ordinary names, a read-only state file still serves reads, and a corrupt one can be
// deleted. Each case checks the exact message, the exit code and the files afterwards.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {BIN, Sandbox} from './helpers/cli.js'

const NAME_RULE = "must be lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 40 characters"
const BAD_NAME = (name: string) => `error: invalid cluster name ${JSON.stringify(name)}: ${NAME_RULE}\n`

describe('state stays inside KSIM_HOME and private to its user', function () {
  this.timeout(180_000)
  let sb: Sandbox
  let outside: string
  beforeEach(() => {
    sb = new Sandbox('ksim-safe-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['cluster', 'create', 'dev', '--nodes', '1']).code).to.equal(0)
    // a folder outside KSIM_HOME that looks like a cluster to a path built from `../..`
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-victim-'))
    fs.writeFileSync(path.join(outside, 'state.db'), '')
    fs.writeFileSync(path.join(outside, 'precious.txt'), 'keep me')
  })
  afterEach(() => {
    sb.cleanup()
    fs.rmSync(outside, {recursive: true, force: true})
  })

  const victimUntouched = () => {
    expect(fs.readdirSync(outside).sort()).to.deep.equal(['precious.txt', 'state.db'])
    expect(fs.statSync(path.join(outside, 'state.db')).size).to.equal(0)
  }

  it('refuses a cluster name that is not a plain folder name, in every command that takes one', () => {
    const rel = path.relative(path.join(sb.home, 'clusters'), outside)
    for (const args of [
      ['cluster', 'delete', rel],
      ['cluster', 'delete', '../..'],
      ['cluster', 'create', rel],
      ['cluster', 'use', rel],
      ['cluster', 'start', rel],
      ['cluster', 'stop', rel],
      ['cluster', 'status', rel],
    ]) {
      const name = args[1] === 'set-context' ? rel : args[2]
      expect(sb.run(args), args.join(' ')).to.deep.equal({stdout: '', stderr: BAD_NAME(name), code: 1})
    }
    victimUntouched()
    expect(sb.run(['config', 'get-contexts', '-o', 'name']).stdout).to.equal('dev\n')
  })

  it('refuses a context read from the kubeconfig whose cluster leads outside KSIM_HOME', () => {
    const rel = path.relative(path.join(sb.home, 'clusters'), outside)
    expect(sb.run(['config', 'set-context', 'e', `--cluster=${rel}`]).code).to.equal(0)
    expect(sb.run(['get', 'pods', '--context', 'e'])).to.deep.equal({
      stdout: '',
      stderr: `error: context "e" names an invalid cluster ${JSON.stringify(rel)}; fix it with 'ksim config set-context e --cluster=NAME'\n`,
      code: 1,
    })
    victimUntouched()
  })

  it('does not follow a link at state.db or reconciler.log', () => {
    const dir = path.join(sb.home, 'clusters', 'dev')
    const target = path.join(outside, 'state.db')
    fs.rmSync(path.join(dir, 'state.db'))
    fs.symlinkSync(target, path.join(dir, 'state.db'))
    expect(sb.run(['get', 'pods', '--context', 'dev'])).to.deep.equal({stdout: '', stderr: `error: refusing to use ${path.join(dir, 'state.db')}: it is a symbolic link\n`, code: 1})
    victimUntouched()

    // the log: a reconciler started by hand neither appends to nor chmods the link's target
    const sb2 = new Sandbox('ksim-safe-log-', {KSIM_NO_RECONCILER: '1'})
    try {
      expect(sb2.run(['cluster', 'create', 'dev', '--nodes', '1']).code).to.equal(0)
      const log = path.join(sb2.home, 'clusters', 'dev', 'reconciler.log')
      const precious = path.join(outside, 'precious.txt')
      fs.chmodSync(precious, 0o644)
      fs.symlinkSync(precious, log)
      const r = sb2.run(['reconciler', 'run', '--context', 'dev'], {env: {KSIM_RECONCILER_IDLE_TIMEOUT: '1s'}})
      expect(r.code).to.equal(1)
      expect(r.stderr).to.contain(`refusing to use ${log}: it is a symbolic link`)
      expect(fs.readFileSync(precious, 'utf8')).to.equal('keep me')
      expect(fs.statSync(precious).mode & 0o777).to.equal(0o644)
    } finally {
      sb2.cleanup()
    }
  })

  it('refuses a KSIM_HOME or cluster folder that others may write to or that another user owns', () => {
    const dir = path.join(sb.home, 'clusters', 'dev')
    fs.chmodSync(sb.home, 0o777)
    expect(sb.run(['get', 'pods', '--context', 'dev'])).to.deep.equal({
      stdout: '',
      stderr: `error: refusing to use ${sb.home}: it is writable by group or others (mode 0777); run 'chmod go-w ${sb.home}' to fix it\n`,
      code: 1,
    })
    expect(sb.run(['config', 'set-context', 'x', '--cluster=dev']).stderr).to.equal(
      `error: refusing to use ${sb.home}: it is writable by group or others (mode 0777); run 'chmod go-w ${sb.home}' to fix it\n`,
    )
    fs.chmodSync(sb.home, 0o700)
    fs.chmodSync(dir, 0o770)
    expect(sb.run(['get', 'pods', '--context', 'dev']).stderr).to.equal(`error: refusing to use ${dir}: it is writable by group or others (mode 0770); run 'chmod go-w ${dir}' to fix it\n`)
    fs.chmodSync(dir, 0o700)
    if (process.getuid?.() === 0) {
      // as root another owner is easy to make; ssh's rule: the user's own, or root's
      fs.chownSync(dir, 65_534, 65_534)
      expect(sb.run(['get', 'pods', '--context', 'dev']).stderr).to.equal(
        `error: refusing to use ${dir}: it is owned by another user (uid 65534); ksim uses only folders of its own user (uid 0)\n`,
      )
      fs.chownSync(dir, 0, 0)
    }
    expect(sb.run(['get', 'pods', '--context', 'dev'])).to.deep.equal({stdout: '', stderr: 'No resources found in default namespace.\n', code: 0})
  })

  it('takes __proto__, constructor and toString as ordinary context names', () => {
    expect(sb.run(['config', 'use-context', 'constructor'])).to.deep.equal({stdout: '', stderr: 'error: no context exists with the name: "constructor"\n', code: 1})
    expect(sb.run(['config', 'use-context', 'toString']).stderr).to.equal('error: no context exists with the name: "toString"\n')
    expect(sb.run(['get', 'pods', '--context', 'constructor']).stderr).to.equal('error: context was not found for specified context: constructor\n')
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(sb.run(['config', 'set-context', name, '--cluster=dev', '--namespace=kube-system']).stdout).to.equal(`Context "${name}" created.\n`)
    }
    expect(sb.run(['config', 'set-context', '__proto__', '--namespace=default']).stdout).to.equal('Context "__proto__" modified.\n')
    expect(sb.run(['config', 'use-context', '__proto__']).stdout).to.equal('Switched to context "__proto__".\n')
    expect(sb.run(['config', 'get-contexts'])).to.deep.equal({
      stdout:
        'CURRENT   NAME          CLUSTER   AUTHINFO   NAMESPACE\n' +
        // as kubectl: a context made by set-context names no user unless given --user
        '*         __proto__     dev                  default\n' +
        '          constructor   dev                  kube-system\n' +
        '          dev           dev       dev        \n' +
        '          toString      dev                  kube-system\n',
      stderr: '',
      code: 0,
    })
    expect(sb.run(['get', 'ns', 'kube-system', '-o', 'name', '--context', 'toString']).stdout).to.equal('namespace/kube-system\n')
    expect(sb.run(['get', 'pods']).stderr).to.equal('No resources found in default namespace.\n')
  })

  it('deletes a cluster whose state file is corrupt, after an error that says how', () => {
    const file = path.join(sb.home, 'clusters', 'dev', 'state.db')
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, {force: true})
    fs.writeFileSync(file, 'garbage '.repeat(500))
    expect(sb.run(['get', 'pods', '--context', 'dev']).stderr).to.equal(
      `error: state file ${file} is corrupt or not a ksim state file (file is not a database)\nTo start again, restore the file from a backup or delete the cluster: ksim cluster delete dev\n`,
    )
    expect(sb.run(['cluster', 'delete', 'dev'])).to.deep.equal({stdout: 'Deleted cluster "dev".\n', stderr: '', code: 0})
    expect(fs.existsSync(path.dirname(file))).to.equal(false)
  })

  it('a full disk: create says "no space left on device" and leaves no temporary file', function () {
    // a real full file system: a tiny tmpfs (needs root; skipped otherwise)
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-full-'))
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k,mode=0700', 'tmpfs', mnt]).status !== 0) {
      fs.rmSync(mnt, {recursive: true, force: true})
      this.skip() // cannot mount a small file system here
    }
    try {
      const home = path.join(mnt, 'home')
      const r = spawnSync(process.execPath, [BIN, 'cluster', 'create', 'x'], {env: {...sb.env(), KSIM_HOME: home}, encoding: 'utf8', timeout: 60_000})
      expect(r.status).to.equal(1)
      expect(r.stdout).to.equal('')
      expect(r.stderr).to.match(/^error: cannot write state file \S+\/clusters\/x\/state\.db\.creating-\d+: no space left on device \((disk I\/O error|database or disk is full)\)\n$/)
      expect(fs.readdirSync(path.join(home, 'clusters', 'x'))).to.deep.equal([])
      expect(fs.existsSync(path.join(home, 'kubeconfig'))).to.equal(false)
    } finally {
      spawnSync('umount', [mnt])
      fs.rmSync(mnt, {recursive: true, force: true})
    }
  })

  it('serves reads from a state file this user may only read', function () {
    if (process.getuid?.() !== 0) this.skip() // a real other user is needed: as root one is at hand
    expect(sb.run(['create', 'configmap', 'cm', '--from-literal=a=b', '--context', 'dev']).code).to.equal(0)
    const file = path.join(sb.home, 'clusters', 'dev', 'state.db')
    // the user (nobody) owns the folders, but the state file is read-only to it
    for (const p of [sb.home, path.join(sb.home, 'clusters'), path.dirname(file), path.join(sb.home, 'kubeconfig')]) fs.chownSync(p, 65_534, 65_534)
    for (const f of fs.readdirSync(path.dirname(file))) fs.chownSync(path.join(path.dirname(file), f), 65_534, 65_534)
    fs.chmodSync(file, 0o400)
    const before = fs.readFileSync(file)
    const asNobody = (args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], {cwd: '/', uid: 65_534, gid: 65_534, env: {...sb.env(), HOME: '/nonexistent'}, encoding: 'utf8', timeout: 60_000})
      return {stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1}
    }
    // in a folder it may only read (no room for SQLite's shared memory), then in one it may write
    for (const dirMode of [0o500, 0o700]) {
      fs.chmodSync(path.dirname(file), dirMode)
      expect(asNobody(['get', 'configmap', 'cm', '-o', 'name', '--context', 'dev']), `folder ${dirMode.toString(8)}`).to.deep.equal({stdout: 'configmap/cm\n', stderr: '', code: 0})
      const write = asNobody(['create', 'configmap', 'cm2', '--from-literal=a=b', '--context', 'dev'])
      expect(write).to.deep.equal({stdout: '', stderr: `error: cannot use state file ${file} (attempt to write a readonly database)\n`, code: 1})
      expect(fs.readFileSync(file).equals(before)).to.equal(true)
    }
    fs.chmodSync(path.dirname(file), 0o700)
  })
})
