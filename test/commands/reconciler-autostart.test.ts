import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {pidAlive} from '../../src/reconciler/lease.js'
import {Sandbox} from '../helpers/cli.js'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n'
const NO_RECONCILER = {env: {KSIM_NO_RECONCILER: '1'}}

// Reads start a reconciler when work waits for one that is not running (issue 12, item 8).
describe('reads start a reconciler for unfinished work', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  const reconcilerPid = (): number | undefined => {
    const m = /Reconciler: {3}running \(pid (\d+),/.exec(sb.run(['cluster', 'status']).stdout)
    return m ? Number(m[1]) : undefined
  }

  it('after the reconciler died mid-work (killed), the next read starts another', () => {
    sb.write('pod.yaml', POD)
    expect(sb.run(['create', '-f', 'pod.yaml']).stdout).to.equal('pod/web created\n')
    const first = reconcilerPid()
    expect(first).to.be.a('number')
    process.kill(first!, 'SIGKILL')
    while (pidAlive(first!)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
    expect(sb.run(['cluster', 'status']).stdout).to.contain('Reconciler:   stopped\n')
    const r = sb.run(['get', 'pod', 'web', '-o', 'name'])
    expect(r).to.deep.equal({stdout: 'pod/web\n', stderr: '', code: 0})
    const second = reconcilerPid()
    expect(second).to.be.a('number').and.not.equal(first)
  })

  it('a workload written with auto-start off is picked up by the next read', () => {
    sb.write('pod.yaml', POD)
    sb.run(['create', '-f', 'pod.yaml'], NO_RECONCILER)
    expect(reconcilerPid()).to.equal(undefined)
    expect(sb.run(['get', 'pods', '-o', 'name'])).to.deep.equal({stdout: 'pod/web\n', stderr: '', code: 0})
    expect(reconcilerPid()).to.be.a('number')
  })

  it('leaves a settled or deliberately stopped cluster alone until something changes', () => {
    sb.run(['get', 'nodes'])
    expect(reconcilerPid(), 'a fresh cluster is settled').to.equal(undefined)
    sb.run(['cluster', 'start'])
    sb.run(['cluster', 'stop'])
    sb.run(['get', 'pods'])
    sb.run(['describe', 'nodes'])
    expect(reconcilerPid(), 'stopped on purpose, nothing written since').to.equal(undefined)
    sb.run(['create', 'configmap', 'c', '--from-literal=a=b'], NO_RECONCILER)
    sb.run(['get', 'cm'])
    expect(reconcilerPid(), 'written after the stop').to.be.a('number')
  })

  it('says on stderr why it cannot start one, and still answers the read', () => {
    sb.write('pod.yaml', POD)
    sb.run(['create', '-f', 'pod.yaml'], NO_RECONCILER)
    // the reconciler's log file cannot be opened: nothing can be started
    fs.mkdirSync(path.join(sb.home, 'clusters', 'ksim', 'reconciler.log'))
    const r = sb.run(['get', 'pods', '-o', 'name'])
    expect(r.stdout).to.equal('pod/web\n')
    expect(r.stderr).to.match(/^Warning: could not start the reconciler of cluster "ksim": EISDIR: illegal operation on a directory.*\n$/)
    expect(r.code).to.equal(0)
  })
})
