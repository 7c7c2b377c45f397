// A shell script written for kubectl runs unchanged with ksim standing in for kubectl.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import {BIN, ROOT, Sandbox} from '../helpers/cli.js'

describe('a kubectl script run against ksim', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('runs unchanged with ksim as kubectl and prints what kubectl would', () => {
    const bin = path.join(sb.home, 'bin')
    fs.mkdirSync(bin)
    fs.writeFileSync(path.join(bin, 'kubectl'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, {mode: 0o755})
    const r = spawnSync('bash', [path.join(ROOT, 'test', 'e2e', 'fixtures', 'kubectl-script.sh')], {
      env: sb.env({PATH: `${bin}:${process.env.PATH}`}),
      encoding: 'utf8',
      timeout: 150_000,
    })
    expect(r.stderr).to.equal('')
    expect(r.stdout.replace(/node\/ksim-worker2?\n/, 'node/NODE\n')).to.equal(
      [
        'namespace/demo created',
        'pod/web created',
        'pod/web condition met',
        'phase=Running',
        'node/NODE',
        'pod/web labeled',
        'frontend: web',
        'pod/web configured',
        'nginx:1.28',
        'pod "web" deleted from demo namespace',
        'namespace "demo" deleted',
        'done',
        '',
      ].join('\n'),
    )
    expect(r.status).to.equal(0)
  })
})
