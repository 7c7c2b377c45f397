import {expect} from 'chai'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {pidAlive} from '../../src/reconciler/lease.js'
import {BIN, Sandbox} from '../helpers/cli.js'

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n'

describe('ksim cluster status, start and stop', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  const dir = (cluster = 'ksim') => path.join(sb.home, 'clusters', cluster)
  const pidOf = (text: string) => Number(/\(pid (\d+)\)/.exec(text)?.[1])

  it('shows a stopped reconciler and the pending work of a fresh cluster', () => {
    sb.run(['get', 'nodes'])
    expect(sb.run(['cluster', 'status'])).to.deep.equal({
      stdout: [
        'Cluster:      ksim',
        `State file:   ${dir()}/state.db`,
        `Log:          ${dir()}/reconciler.log`,
        'Reconciler:   stopped',
        'Lease:        <none>',
        'Pods:         0 (0 Pending, 0 Terminating)',
        'Nodes:        3 nodes, 3 Ready',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    })
  })

  it('counts the pods still Pending and those Terminating', () => {
    const quiet = new Sandbox('ksim-status-', {KSIM_NO_RECONCILER: '1'})
    try {
      const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: ksim-worker\n  containers:\n  - name: app\n    image: nginx\n`
      expect(quiet.run(['create', '-f', quiet.write('pods.yaml', [pod('a'), pod('b'), pod('c')].join('---\n'))]).code).to.equal(0)
      // no reconciler: the pods stay Pending, and a deleted one (bound, so deleted gracefully) stays Terminating
      expect(quiet.run(['delete', 'pod', 'c', '--wait=false']).code).to.equal(0)
      expect(quiet.run(['cluster', 'status']).stdout).to.contain('Pods:         3 (2 Pending, 1 Terminating)\n')
    } finally {
      quiet.cleanup()
    }
  })

  it('starts, reports and stops the reconciler of the current cluster', () => {
    sb.run(['get', 'nodes'])
    const started = sb.run(['cluster', 'start'])
    expect(started.stdout).to.match(/^Reconciler of cluster "ksim" started \(pid \d+\)\.\n$/)
    const pid = pidOf(started.stdout)
    expect(sb.run(['cluster', 'start', 'ksim']).stdout).to.equal(`Reconciler of cluster "ksim" is already running (pid ${pid}).\n`)
    const status = sb.run(['cluster', 'status', 'ksim']).stdout.split('\n')
    expect(status[3]).to.match(new RegExp(`^Reconciler:   running \\(pid ${pid}, up \\d+s\\)$`))
    expect(status[4]).to.match(new RegExp(`^Lease:        ${os.hostname()}_${pid}, renewed \\d+s ago$`))
    expect(sb.run(['cluster', 'stop'])).to.deep.equal({stdout: `Reconciler of cluster "ksim" stopped (pid ${pid}).\n`, stderr: '', code: 0})
    expect(pidAlive(pid)).to.equal(false)
    expect(sb.run(['cluster', 'stop']).stdout).to.equal('Reconciler of cluster "ksim" is not running.\n')
    expect(sb.run(['cluster', 'status']).stdout.split('\n').slice(3, 5)).to.deep.equal(['Reconciler:   stopped', 'Lease:        <none>'])
  })

  it('runs the background reconciler through the __reconciler entry point (no oclif), with a small young generation', () => {
    sb.run(['get', 'nodes'])
    const pid = pidOf(sb.run(['cluster', 'start']).stdout)
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '')
    expect(argv.slice(1)).to.deep.equal(['--max-semi-space-size=4', BIN, '__reconciler', 'ksim'])
    sb.run(['cluster', 'stop'])
    expect(sb.run(['__reconciler'])).to.deep.equal({stdout: '', stderr: 'usage: ksim __reconciler CLUSTER\n', code: 2})
    expect(sb.run(['__reconciler', 'nope']).code).to.equal(1)
  })

  it('stops every cluster\'s reconciler with --all', () => {
    sb.run(['cluster', 'create', 'one', '--nodes', '1'])
    sb.run(['cluster', 'create', 'two', '--nodes', '1'])
    const one = pidOf(sb.run(['cluster', 'start', 'one']).stdout)
    const two = pidOf(sb.run(['cluster', 'start', 'two']).stdout)
    expect(sb.run(['cluster', 'stop', '--all']).stdout).to.equal(`Reconciler of cluster "one" stopped (pid ${one}).\nReconciler of cluster "two" stopped (pid ${two}).\n`)
    expect(sb.run(['cluster', 'stop', '--all'])).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(sb.run(['cluster', 'stop', 'one', '--all']).stderr).to.equal('error: a cluster name cannot be provided when --all is specified\n')
  })

  it('names a missing cluster', () => {
    for (const verb of ['start', 'stop', 'status']) {
      expect(sb.run(['cluster', verb, 'nope'])).to.deep.equal({stdout: '', stderr: 'error: cluster "nope" not found\n', code: 1})
    }
  })

  it('starts the reconciler from create and delete, unless KSIM_NO_RECONCILER=1', () => {
    const file = sb.write('cm.yaml', CM)
    expect(sb.run(['create', '-f', file], {env: {KSIM_NO_RECONCILER: '1'}}).stdout).to.equal('configmap/settings created\n')
    expect(sb.run(['delete', 'cm', 'settings'], {env: {KSIM_NO_RECONCILER: '1'}}).stdout).to.equal('configmap "settings" deleted from default namespace\n')
    expect(sb.run(['cluster', 'status']).stdout).to.contain('Reconciler:   stopped\n')
    expect(sb.run(['create', '-f', file, '--dry-run=server']).stdout).to.equal('configmap/settings created (server dry run)\n')
    expect(sb.run(['cluster', 'status']).stdout).to.contain('Reconciler:   stopped\n')
    expect(sb.run(['create', '-f', file])).to.deep.equal({stdout: 'configmap/settings created\n', stderr: '', code: 0})
    expect(sb.run(['cluster', 'status']).stdout).to.match(/Reconciler: {3}running \(pid \d+, up \d+s\)\n/)
    sb.run(['cluster', 'stop'])
    expect(sb.run(['delete', 'cm', 'settings'])).to.deep.equal({stdout: 'configmap "settings" deleted from default namespace\n', stderr: '', code: 0})
    expect(sb.run(['cluster', 'status']).stdout).to.match(/Reconciler: {3}running \(pid \d+, up \d+s\)\n/)
  })

  it('stops a cluster\'s reconciler before deleting the cluster', () => {
    sb.run(['cluster', 'create', 'dev', '--nodes', '1'])
    const pid = pidOf(sb.run(['cluster', 'start', 'dev']).stdout)
    expect(sb.run(['cluster', 'delete', 'dev']).stdout).to.equal('Deleted cluster "dev".\n')
    expect(pidAlive(pid)).to.equal(false)
  })

  it('runs the reconciler in the foreground with its log on stderr until SIGTERM', async () => {
    sb.run(['get', 'nodes'])
    const p = spawn(process.execPath, [BIN, 'reconciler', 'run', '--idle-timeout', '0'], {env: sb.env(), stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    let stdout = ''
    let signalled = false
    p.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString()
      if (stderr.includes(' started as ') && !signalled) signalled = p.kill('SIGTERM')
    })
    const code = await new Promise<number | null>((resolve) => p.on('exit', resolve))
    expect(code).to.equal(0)
    expect(stdout).to.equal('')
    expect(stderr.replace(/^\S+ /gm, '').split('\n')).to.deep.equal([
      stderr.replace(/^\S+ /gm, '').split('\n')[0],
      'info SIGTERM received; stopping after the current pass',
      'info stopped (signal)',
      '',
    ])
    expect(stderr.split('\n')[0]).to.match(new RegExp(`^\\S+ info started as ${os.hostname()}_${p.pid}; controllers: `))
  })

  it('exits from the foreground after --idle-timeout with nothing pending', async () => {
    sb.run(['get', 'nodes'])
    const r = await sb.runAsync(['reconciler', 'run', '--idle-timeout', '500ms', '--cluster', 'ksim'])
    expect(r.code).to.equal(0)
    expect(r.stderr.replace(/^\S+ /gm, '').split('\n').slice(-3)).to.deep.equal(['info idle for 0.5s with nothing pending; exiting', 'info stopped (idle)', ''])
  })
})
