// Fault test (npm run test:faults): the inputs that once took minutes and gigabytes (an alias bomb,
// /dev/zero, data over Kubernetes' limits) are each refused with Kubernetes' words, within a second of
// the command's own start-up, under 100 MB of resident memory, with the state file byte for byte as it was.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import {BIN, Sandbox} from '../helpers/cli.js'

const TIME = '/usr/bin/time'
const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${'bcdefghi'
  .split('')
  .map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]\n`)
  .join('')}`

interface Case {
  name: string
  args: string[]
  stdinFile?: string
  stderr: RegExp
}

const CASES: Case[] = [
  {name: 'alias bomb', args: ['create', '-f', 'bomb.yaml'], stderr: /yaml: document contains excessive aliasing\n$/},
  {name: 'create -f /dev/zero', args: ['create', '-f', '/dev/zero'], stderr: /Request entity too large: limit is 3145728\n$/},
  {name: 'create -f - < /dev/zero', args: ['create', '-f', '-'], stdinFile: '/dev/zero', stderr: /"STDIN": Request entity too large: limit is 3145728\n$/},
  {name: '50 MB ConfigMap file', args: ['create', '-f', 'cm-50m.yaml'], stderr: /Request entity too large: limit is 3145728\n$/},
  {name: '1.5 MB ConfigMap', args: ['create', '-f', 'cm-1m5.yaml'], stderr: /\[\]: Too long: may not be more than 1048576 bytes\n$/},
  {name: 'configmap --from-file=/dev/zero', args: ['create', 'configmap', 'z', '--from-file=/dev/zero'], stderr: /failed to create configmap: Request entity too large: limit is 3145728\n$/},
]

describe('oversized and malicious inputs', function () {
  this.timeout(600_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-size-limits-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', 'configmap', 'keep', '--from-literal=a=b']).code).to.equal(0)
    sb.write('bomb.yaml', bomb)
    sb.write('cm-1m5.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: ${'x'.repeat(1_500_000)}\n`)
    sb.write('cm-50m.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: ${'x'.repeat(50_000_000)}\n`)
  })
  after(() => sb.cleanup())

  const stateBytes = () => fs.readFileSync(path.join(sb.home, 'clusters', 'ksim', 'state.db'))

  // one command timed (and measured with /usr/bin/time when there is one): [ms, max RSS KiB or undefined, result]
  function measure(args: string[], stdinFile?: string): [number, number | undefined, {stderr: string; code: number | null}] {
    const hasTime = fs.existsSync(TIME)
    const argv = hasTime ? [TIME, '-f', 'RSS_KIB=%M', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args]
    const input = stdinFile ? fs.openSync(stdinFile, 'r') : 'ignore'
    const t0 = performance.now()
    const r = spawnSync(argv[0], argv.slice(1), {cwd: sb.home, env: sb.env(), stdio: [input, 'pipe', 'pipe'], encoding: 'utf8'})
    const ms = performance.now() - t0
    if (typeof input === 'number') fs.closeSync(input)
    const rss = /RSS_KIB=(\d+)\n?$/.exec(r.stderr)
    return [ms, rss ? Number(rss[1]) : undefined, {stderr: r.stderr.replace(/(Command exited with non-zero status \d+\n)?RSS_KIB=\d+\n?$/, ''), code: r.status}]
  }

  it('refuses each within a second of start-up, under 100 MB RSS, with the state file byte-identical', function () {
    // the start-up every command pays, measured the same way
    const [baseMs] = measure(['get', 'configmap', 'keep', '-o', 'name'])
    if (!fs.existsSync(TIME)) console.log(`      (no ${TIME} here: resident memory is not measured)`)
    for (const c of CASES) {
      const before = stateBytes()
      const [ms, rssKiB, r] = measure(c.args, c.stdinFile)
      console.log(`      figures: ${c.name}: ${Math.round(ms)} ms (start-up ${Math.round(baseMs)} ms), ${rssKiB === undefined ? '?' : (rssKiB / 1024).toFixed(1)} MB RSS`)
      expect(r.code, c.name).to.equal(1)
      expect(r.stderr, c.name).to.match(c.stderr)
      expect(ms - baseMs, c.name).to.be.below(1000)
      if (rssKiB !== undefined) expect(rssKiB, c.name).to.be.below(100 * 1024)
      expect(stateBytes().equals(before), `${c.name}: state file changed`).to.equal(true)
    }
  })
})
