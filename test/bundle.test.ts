// The bundled CLI (scripts/bundle.js, bin/run.js): built as intended, started with its code cache, and
// still correct when the cache belongs to another build or another Node.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import {ROOT} from './helpers/cli.js'

interface Patch {
  file: string
  find: string
  replace: string
}

/** Runs `code` (CommonJS) with node in `cwd`; returns stdout, parsed as JSON. */
function nodeJson(code: string, cwd: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const r = spawnSync(process.execPath, ['-e', code], {cwd, env, encoding: 'utf8'})
  if (r.status !== 0) throw new Error(`node -e failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '')
}

/** A copy of the installed CLI (bin, bundles, package.json, manifest) sharing dist/src and node_modules. */
function copyInstall(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-bundle-'))
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), {recursive: true})
  fs.mkdirSync(path.join(dir, 'dist'))
  for (const f of ['ksim.cjs', 'ksim-cold.cjs', 'ksim.cjs.cache', 'oclif.run.json']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, 'dist', f))
  fs.symlinkSync(path.join(ROOT, 'dist', 'src'), path.join(dir, 'dist', 'src'))
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  for (const f of ['package.json', 'oclif.manifest.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f))
  return dir
}

const cacheUsed = (dir: string) =>
  nodeJson(`console.log(JSON.stringify(require('./bin/run.js').loadBundle({refreshCache: false}).cacheUsed))`, dir)

const runKsim = (dir: string, args: string[]) => spawnSync(process.execPath, [path.join(dir, 'bin', 'run.js'), ...args], {cwd: dir, encoding: 'utf8'})

describe('the bundled CLI', function () {
  this.timeout(60_000)

  it('finds the text of every source patch of scripts/bundle.js (a dependency upgrade can undo one silently)', async () => {
    const {PATCHES} = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'bundle.js')).href)) as {PATCHES: Patch[]}
    expect(PATCHES.length).to.be.greaterThan(0)
    for (const p of PATCHES) expect(fs.readFileSync(path.join(ROOT, p.file), 'utf8').includes(p.find), p.file).to.equal(true)
  })

  it('sorts the command ids the same in code-unit order as in locale order (the first patch relies on it)', () => {
    const ids = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')).commands)
    expect([...ids].sort()).to.deep.equal([...ids].sort((a, b) => a.localeCompare(b)))
  })

  it('starts with the code cache the build wrote', () => {
    expect(cacheUsed(ROOT)).to.equal(true)
  })

  it('runs `get`, `create -f`, help and config writes without loading the cold bundle', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-bundle-home-'))
    try {
      const env = {...process.env, KSIM_HOME: home, KSIM_NO_RECONCILER: '1'}
      // which files a run required, reported at exit (the bundle itself is compiled from source text)
      const loaded = (args: string[]) =>
        nodeJson(
          `process.argv = [process.argv[0], 'ksim', ...${JSON.stringify(args)}]
           process.on('exit', () => console.log(JSON.stringify(Object.keys(require.cache).map((f) => require('path').basename(f)))))
           require('./bin/run.js').loadBundle().exports.execute({dir: process.cwd()})`,
          ROOT,
          env,
        ) as string[]
      fs.writeFileSync(path.join(home, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n')
      for (const args of [['cluster', 'create', 'b', '--nodes', '1'], ['config', 'set-context', 'c', '--cluster=b'], ['create', '-f', path.join(home, 'pod.yaml')], ['get', 'pods'], ['get', 'pod', 'p', '-o', 'yaml'], ['help', 'get']]) {
        const files = loaded(args)
        expect(files, args.join(' ')).to.include('ksim.cjs')
        expect(files, args.join(' ')).not.to.include('ksim-cold.cjs')
      }
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
    }
  })

  for (const [what, cache] of [
    ['a cache of another build', (id: string) => `${'0'.repeat(id.length)}\n${'x'.repeat(1000)}`],
    ['a cache this V8 rejects', (id: string) => `${id}\n${'x'.repeat(1000)}`],
  ] as const) {
    it(`runs correctly with ${what}, and replaces it`, () => {
      const dir = copyInstall()
      try {
        const id = fs.readFileSync(path.join(dir, 'dist', 'ksim.cjs'), 'latin1').split('\n')[0].split(' ').pop() ?? ''
        fs.writeFileSync(path.join(dir, 'dist', 'ksim.cjs.cache'), cache(id), 'latin1')
        expect(cacheUsed(dir)).to.equal(false)
        const r = runKsim(dir, ['--version'])
        expect(r.status).to.equal(0)
        expect(r.stdout).to.match(/^ksim\/\d+\.\d+\.\d+ /)
        expect(fs.readFileSync(path.join(dir, 'dist', 'ksim.cjs.cache'), 'latin1').startsWith(`${id}\n`)).to.equal(true)
        expect(cacheUsed(dir)).to.equal(true)
        expect(fs.readdirSync(path.join(dir, 'dist')).sort()).to.deep.equal(['ksim-cold.cjs', 'ksim.cjs', 'ksim.cjs.cache', 'oclif.run.json', 'src'])
      } finally {
        fs.rmSync(dir, {recursive: true, force: true})
      }
    })
  }

  it('runs correctly without a cache, and writes one', () => {
    const dir = copyInstall()
    try {
      fs.rmSync(path.join(dir, 'dist', 'ksim.cjs.cache'))
      const r = runKsim(dir, ['get', '--bogus'])
      expect(r.status).to.equal(1)
      expect(r.stderr).to.equal("error: unknown flag: --bogus\nSee 'ksim get --help' for usage.\n")
      expect(cacheUsed(dir)).to.equal(true)
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('completes (`__complete`, every TAB) from dist/ksim-complete.cjs with its own code cache', () => {
    const used = nodeJson(
      `const run = require('./bin/run.js'); console.log(JSON.stringify(run.loadBundle({bundle: run.COMPLETE_BUNDLE, refreshCache: false}).cacheUsed))`,
      ROOT,
    )
    expect(used).to.equal(true)
  })

  it('completes the same without the completion bundle (from dist/src)', () => {
    const dir = copyInstall()
    try {
      expect(fs.existsSync(path.join(dir, 'dist', 'ksim-complete.cjs'))).to.equal(false)
      for (const words of [[''], ['get', ''], ['get', 'pods', '--o'], ['create', '-f', 'x', '--dry-run=']]) {
        const bundled = runKsim(ROOT, ['__complete', ...words])
        const unbundled = runKsim(dir, ['__complete', ...words])
        expect(bundled.status, words.join(' ')).to.equal(0)
        expect(bundled.stdout, words.join(' ')).to.match(/:\d+\n$/)
        expect(bundled.stdout.split('\n').length, words.join(' ')).to.be.greaterThan(2)
        expect(unbundled.stdout, words.join(' ')).to.equal(bundled.stdout)
        expect(bundled.stderr + unbundled.stderr).to.equal('')
      }
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('bin/dev.js runs the commands from dist/src', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dev.js'), 'help', 'get'], {cwd: ROOT, encoding: 'utf8'})
    expect(r.status).to.equal(0)
    expect(r.stdout).to.match(/^Display one or many resources\.\n/)
  })
})
