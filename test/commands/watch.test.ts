import {expect} from 'chai'
import {spawn} from 'node:child_process'

import {BIN, Sandbox} from '../helpers/cli.js'

/** Waits until `read()` satisfies `ok`, polling; fails after `ms`. */
async function until(read: () => string, ok: (s: string) => boolean, ms = 20_000): Promise<string> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const s = read()
    if (ok(s)) return s
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out; last output:\n${read()}`)
}

describe('ksim get --watch (real process)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
    sb.run(['create', 'namespace', 'w'], {env: {KSIM_NO_RECONCILER: '1'}})
  })
  afterEach(() => sb.cleanup())

  it('prints one row per change, each padded on its own, and stops on Ctrl-C with exit status 1, as kubectl 1.35 does', async () => {
    const env = sb.env({KSIM_NO_RECONCILER: '1'})
    const child = spawn(process.execPath, [BIN, 'get', 'pods', '-n', 'w', '--watch', '--output-watch-events'], {env})
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    // an empty list prints nothing to wait for: give the process time to list before the changes (whether the
    // pod then comes from the list or the watch, it prints the same ADDED row)
    await new Promise((r) => setTimeout(r, 1500))
    sb.run(['create', 'configmap', 'not-a-pod', '-n', 'w'], {env: {KSIM_NO_RECONCILER: '1'}})
    const pod = sb.write('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: w}\nspec:\n  containers: [{name: c, image: nginx}]\n')
    sb.run(['create', '-f', pod], {env: {KSIM_NO_RECONCILER: '1'}})
    await until(() => out, (s) => s.includes('ADDED'))
    sb.run(['delete', 'pod', 'web', '-n', 'w'], {env: {KSIM_NO_RECONCILER: '1'}})
    const text = await until(() => out, (s) => s.includes('DELETED'))
    expect(text.replace(/\d+s\n/g, 'AGE\n')).to.equal(
      'EVENT   NAME   READY   STATUS    RESTARTS   AGE\n' + 'ADDED   web    0/1     Pending   0          AGE\n' + 'DELETED   web   0/1   Pending   0     AGE\n',
    )
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', (c) => resolve(c))
      child.kill('SIGINT')
    })
    expect(code).to.equal(1)
    // kubectl 1.35 prints nothing on stderr for an empty list it watches
    expect(err).to.equal('')
  })

  it('resumes from the revision it listed at: a change made right after the list is not lost', async () => {
    const env = sb.env({KSIM_NO_RECONCILER: '1'})
    const child = spawn(process.execPath, [BIN, 'get', 'secrets', '-n', 'w', '-w', '-o', 'name'], {env})
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    for (let i = 0; i < 5; i++) sb.run(['create', 'secret', 'generic', `c${i}`, '-n', 'w', '--from-literal=a=b'], {env: {KSIM_NO_RECONCILER: '1'}})
    const text = await until(() => out, (s) => s.includes('secret/c4'))
    // each secret exactly once, whether it came from the list or the watch
    expect(text.split('\n').filter(Boolean).sort()).to.deep.equal(['secret/c0', 'secret/c1', 'secret/c2', 'secret/c3', 'secret/c4'])
    child.kill('SIGINT')
  })

  for (const flags of [['-w', '-A'], ['--watch-only'], ['-w', '-o', 'name']]) {
    it(`prints nothing on stderr for an empty list watched with ${flags.join(' ')}, as kubectl 1.35`, async () => {
      const child = spawn(process.execPath, [BIN, 'get', 'pods', '-n', 'w', ...flags], {env: sb.env({KSIM_NO_RECONCILER: '1'})})
      let out = ''
      let err = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (err += d))
      await new Promise((r) => setTimeout(r, 1500))
      const pod = sb.write('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: w}\nspec:\n  containers: [{name: c, image: nginx}]\n')
      sb.run(['create', '-f', pod], {env: {KSIM_NO_RECONCILER: '1'}})
      await until(() => out, (s) => s.includes('web'))
      child.kill('SIGINT')
      await new Promise((resolve) => child.on('close', resolve))
      expect(err).to.equal('')
    })
  }

  it('refuses to watch several types named in the arguments, and several objects from files after printing them, as kubectl 1.35', () => {
    const env = {KSIM_NO_RECONCILER: '1'}
    expect(sb.run(['get', 'pods,services', '-n', 'w', '-w'], {env})).to.deep.equal({stdout: '', stderr: 'error: you may only specify a single resource type\n', code: 1})
    expect(sb.run(['get', 'all', '-n', 'w', '--watch-only'], {env})).to.deep.equal({stdout: '', stderr: 'error: you may only specify a single resource type\n', code: 1})
    const two = sb.write('cms.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: w}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: w}\n')
    sb.run(['create', '-f', two], {env})
    const r = sb.run(['get', '-f', two, '-w', '-o', 'name'], {env})
    expect(r).to.deep.equal({stdout: 'configmap/a\nconfigmap/b\n', stderr: 'error: watch is only supported on individual resources and resource collections - 2 resources were found\n', code: 1})
  })
})
