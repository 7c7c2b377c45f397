// No user-supplied string ever passes through a shell. Statically: the only child_process functions ksim
// uses take an argument array (spawn, spawnSync, execFile, execFileSync), never with `shell:` set.
// Behaviourally: names, values and paths full of shell syntax go through the CLI and a live reconciler
// (which is started from a KSIM_HOME whose own path is such a string) and nothing runs.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {BIN, ROOT} from './helpers/cli.js'

const ALLOWED = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'type ChildProcess', 'ChildProcess', 'type SpawnOptions', 'SpawnOptions'])

/** What is wrong with one source file's use of child_process (empty when nothing is). */
function shellUses(text: string): string[] {
  const problems: string[] = []
  const from = /import\s+(?:(\w+)\s*,?\s*)?(?:\*\s+as\s+(\w+)\s*)?(?:\{([^}]*)\})?\s*from\s*['"](?:node:)?child_process['"]/g
  for (const m of text.matchAll(from)) {
    if (m[1] || m[2]) problems.push(`imports the whole module (${m[1] ?? m[2]}), so its calls cannot be checked`)
    for (const name of (m[3] ?? '').split(',').map((s) => s.trim().replace(/\s+as\s+\w+$/, '')).filter(Boolean)) {
      if (!ALLOWED.has(name)) problems.push(`imports ${name}`)
    }
  }
  if (/require\(\s*['"](?:node:)?child_process['"]\s*\)|import\(\s*['"](?:node:)?child_process['"]\s*\)/.test(text)) problems.push('loads child_process dynamically')
  // the shell option only matters where processes are started
  const startsProcesses = /['"](?:node:)?child_process['"]/.test(text)
  if (startsProcesses && /\bshell\s*:(?!\s*false\b)/.test(text)) problems.push('sets the shell option')
  return problems
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.(ts|cts|mts|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : []
  })
}

describe('no shell between user input and a process', function () {
  this.timeout(180_000)

  it('the checker catches exec, execSync, whole-module imports and the shell option', () => {
    expect(shellUses("import {exec} from 'node:child_process'")).to.deep.equal(['imports exec'])
    expect(shellUses("import {spawn, execSync as run} from 'child_process'")).to.deep.equal(['imports execSync'])
    expect(shellUses("import * as cp from 'node:child_process'")).to.have.length(1)
    expect(shellUses("import cp from 'node:child_process'")).to.have.length(1)
    expect(shellUses("const cp = await import('node:child_process')")).to.deep.equal(['loads child_process dynamically'])
    expect(shellUses("import {spawn} from 'node:child_process'\nspawn(cmd, args, {shell: true})")).to.deep.equal(['sets the shell option'])
    expect(shellUses("import {spawn, spawnSync} from 'node:child_process'\nspawn(cmd, args, {shell: false})")).to.deep.equal([])
  })

  it('src/, bin/ and scripts/ start processes only with argument arrays', () => {
    const files = ['src', 'bin', 'scripts'].flatMap((d) => sources(path.join(ROOT, d)))
    expect(files.length).to.be.above(100)
    const found = files.flatMap((f) => shellUses(fs.readFileSync(f, 'utf8')).map((p) => `${path.relative(ROOT, f)}: ${p}`))
    expect(found).to.deep.equal([])
  })

  describe('shell syntax in names, values and paths', () => {
    let base: string
    let home: string
    let marker: string
    // a payload each form of which would create $KSIM_MARK if any shell ever saw it
    const PAYLOAD = '$(touch "$KSIM_MARK") `touch "$KSIM_MARK"`; touch "$KSIM_MARK" && touch "$KSIM_MARK" | touch "$KSIM_MARK"'
    const env = () => ({...process.env, KSIM_HOME: home, KSIM_MARK: marker, NO_COLOR: '1', KSIM_NO_RECONCILER: ''})
    const ksim = (args: string[], input = '') => spawnSync(process.execPath, [BIN, ...args], {cwd: base, env: env(), input, encoding: 'utf8', timeout: 90_000})
    const ok = (args: string[], input = '') => {
      const r = ksim(args, input)
      expect({stderr: r.stderr, code: r.status}, `ksim ${args.join(' ')}`).to.deep.equal({stderr: '', code: 0})
      return r.stdout
    }

    before(() => {
      base = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-noshell-'))
      marker = path.join(base, 'executed')
      // the state folder's own path is shell syntax too: the reconciler is started from it
      home = path.join(base, 'home $(touch "$KSIM_MARK") `touch "$KSIM_MARK"`; touch "$KSIM_MARK" &')
    })
    after(() => {
      ksim(['cluster', 'stop', '--all'])
      fs.rmSync(base, {recursive: true, force: true})
    })

    it('the payload does run when a shell sees it (so the test below can fail)', () => {
      spawnSync('sh', ['-c', `echo ${PAYLOAD}`], {env: env()})
      expect(fs.existsSync(marker)).to.equal(true)
      fs.rmSync(marker)
    })

    it('is stored and printed verbatim, and runs nowhere', () => {
      const dir = path.join(base, 'files $(touch "$KSIM_MARK"); `touch "$KSIM_MARK"`')
      fs.mkdirSync(dir)
      const manifest = path.join(dir, 'pod $(touch "$KSIM_MARK") `id`;.yaml')
      const podYaml = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: shelly\n  annotations:\n    note: ${JSON.stringify(PAYLOAD)}\nspec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: app\n    image: nginx\n    command: ["sh", "-c", ${JSON.stringify(PAYLOAD)}]\n    env:\n    - name: X\n      value: ${JSON.stringify(PAYLOAD)}\n`
      fs.writeFileSync(manifest, podYaml)
      const dataFile = path.join(dir, 'data $(touch "$KSIM_MARK") `id`;.txt')
      fs.writeFileSync(dataFile, PAYLOAD)

      expect(ok(['apply', '-f', manifest])).to.equal('pod/shelly created\n')
      expect(ok(['annotate', 'pod', 'shelly', `again=${PAYLOAD}`])).to.equal('pod/shelly annotated\n')
      expect(ok(['create', 'configmap', 'cm', `--from-literal=v=${PAYLOAD}`, `--from-file=f=${dataFile}`])).to.equal('configmap/cm created\n')
      expect(ok(['create', 'secret', 'generic', 'sec', `--from-file=f=${dataFile}`])).to.equal('secret/sec created\n')
      expect(ok(['create', '-f', '-'], `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\ndata:\n  v: ${JSON.stringify(PAYLOAD)}\n`)).to.equal('configmap/piped created\n')
      ok(['wait', '--for=condition=Ready', 'pod/shelly', '--timeout=60s'])

      // verbatim through every printer
      const pod = JSON.parse(ok(['get', 'pod', 'shelly', '-o', 'json'])) as {metadata: {annotations: Record<string, string>}}
      expect(pod.metadata.annotations).to.include({note: PAYLOAD, again: PAYLOAD})
      expect(ok(['get', 'configmap', 'cm', '-o', 'jsonpath={.data.v}'])).to.equal(PAYLOAD)
      expect(ok(['get', 'configmap', 'cm', '-o', 'jsonpath={.data.f}'])).to.equal(PAYLOAD)
      expect(Buffer.from(ok(['get', 'secret', 'sec', '-o', 'jsonpath={.data.f}']), 'base64').toString()).to.equal(PAYLOAD)
      expect(ok(['get', 'configmap', 'piped', '-o', 'custom-columns=V:.data.v', '--no-headers'])).to.equal(`${PAYLOAD}\n`)
      expect(ok(['describe', 'pod', 'shelly'])).to.contain(PAYLOAD)

      // rejected where Kubernetes rejects it, still without running anything
      // a namespace is only a path segment to a list: nothing there, as kubectl says
      expect(ksim(['get', 'pods', '-n', PAYLOAD])).to.deep.include({stdout: '', stderr: `No resources found in ${PAYLOAD} namespace.\n`, status: 0})
      for (const args of [
        ['get', 'pods', '-l', `a=${PAYLOAD}`],
        ['label', 'pod', 'shelly', `a=${PAYLOAD}`],
        ['create', 'configmap', PAYLOAD],
        ['get', 'pods', '--context', PAYLOAD],
        ['delete', '-f', path.join(dir, 'missing $(touch "$KSIM_MARK").yaml')],
      ]) {
        expect(ksim(args).status, args.join(' ')).to.equal(1)
      }
      expect(ok(['delete', '-f', manifest])).to.equal('pod "shelly" deleted from default namespace\n')
      expect(ok(['cluster', 'status'])).to.match(/Reconciler:\s+running/)
      ok(['cluster', 'stop'])
      expect(fs.existsSync(marker), 'a shell ran the payload').to.equal(false)
    })
  })
})
