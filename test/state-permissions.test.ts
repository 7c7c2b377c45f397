// The state folder is private whatever the user's umask: every folder ksim makes is 0700 and every file
// in it (state database and its -wal/-shm, config, reconciler log) 0600, with umask 000 for the CLI and
// the reconciler it starts, checked while the reconciler holds the database open and after it stops.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {BIN} from './helpers/cli.js'

/** Every path under `root` (itself included) with its permission bits. */
function modes(root: string): Map<string, number> {
  const out = new Map<string, number>()
  const walk = (p: string) => {
    const st = fs.lstatSync(p)
    out.set(path.relative(root, p) || '.', st.mode & 0o777)
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name))
  }
  walk(root)
  return out
}

describe('state folder permissions under umask 000', function () {
  this.timeout(180_000)
  let base: string
  let home: string
  // process.umask(0) before the CLI loads: the CLI and the reconciler it spawns both inherit it
  const ksim = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'data:text/javascript,process.umask(0)', BIN, ...args], {
      cwd: base,
      env: {...process.env, KSIM_HOME: home, NO_COLOR: '1', KSIM_NO_RECONCILER: ''},
      encoding: 'utf8',
      timeout: 90_000,
    })
    expect(r.stderr, `ksim ${args.join(' ')}`).to.equal('')
    expect(r.status, `ksim ${args.join(' ')}`).to.equal(0)
    return r.stdout
  }
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-umask-'))
    home = path.join(base, 'home', 'ksim')
  })
  after(() => {
    spawnSync(process.execPath, [BIN, 'cluster', 'stop', '--all'], {env: {...process.env, KSIM_HOME: home}})
    fs.rmSync(base, {recursive: true, force: true})
  })

  it('makes folders 0700 and files 0600, the database journal files included, before and after the reconciler stops', () => {
    // the umask really is 000 in the child: a file it makes without a mode is 0666
    const probe = path.join(base, 'probe')
    spawnSync(process.execPath, ['--import', 'data:text/javascript,process.umask(0)', '-e', `require('node:fs').writeFileSync(${JSON.stringify(probe)}, '')`])
    expect(fs.statSync(probe).mode & 0o777).to.equal(0o666)

    ksim('create', 'configmap', 'a', '--from-literal=a=b')
    ksim('cluster', 'create', 'dev', '--nodes', '1')
    ksim('config', 'set-context', '--current', '--namespace=default')
    ksim('create', 'deployment', 'web', '--image=nginx', '--replicas=2')
    ksim('wait', '--for=condition=Available', 'deployment/web', '--timeout=60s')
    expect(ksim('cluster', 'status')).to.match(/Reconciler:\s+running/)

    const check = (when: string) => {
      const found = modes(path.join(base, 'home'))
      const names = [...found.keys()]
      for (const f of ['ksim/kubeconfig', 'ksim/clusters/ksim/state.db', 'ksim/clusters/ksim/reconciler.log', 'ksim/clusters/dev/state.db']) {
        expect(names, `${when}: ${f}`).to.include(f)
      }
      for (const [p, mode] of found) {
        const isDir = fs.statSync(path.join(base, 'home', p)).isDirectory()
        expect(mode.toString(8), `${when}: ${p}`).to.equal(isDir ? '700' : '600')
      }
      return names
    }
    // while the reconciler has the database open in WAL mode, its -wal and -shm files exist
    const running = check('reconciler running')
    expect(running).to.include.members(['ksim/clusters/ksim/state.db-wal', 'ksim/clusters/ksim/state.db-shm'])
    ksim('cluster', 'stop', '--all')
    check('reconciler stopped')
  })
})
