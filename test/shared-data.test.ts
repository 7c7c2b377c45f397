// A clone without ../shared passes its own tests: the tests that read the corpus skip and say why;
// CI (.ci/run) refuses to run without it.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {ROOT} from './helpers/cli.js'

const CORPUS_TESTS = ['dist/test/corpus.test.js', 'dist/test/api/schema/corpus.test.js']

function mocha(env: Record<string, string>): {out: string; code: number} {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'KSIM_REQUIRE_SHARED'))
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--timeout', '120000', '--reporter', 'dot', ...CORPUS_TESTS], {
    cwd: ROOT,
    env: {...inherited, ...env},
    encoding: 'utf8',
  })
  return {out: r.stdout + r.stderr, code: r.status ?? -1}
}

describe('tests that read ../shared', function () {
  this.timeout(60_000)
  let absent: string
  before(() => {
    absent = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-noshared-')), 'shared')
  })

  it('skip with a visible reason when it is absent', () => {
    const r = mocha({KSIM_SHARED_DIR: absent})
    expect(r.code, r.out).to.equal(0)
    expect(r.out).to.include(`skipped: ${path.join(absent, 'corpus', 'k8s-docs-examples')} is absent (data from outside the repository)`)
    expect(r.out).to.match(/ 0 passing[\s\S]* 3 pending/)
  })

  it('fail when it is absent and KSIM_REQUIRE_SHARED=1 (as in CI)', () => {
    const r = mocha({KSIM_SHARED_DIR: absent, KSIM_REQUIRE_SHARED: '1'})
    expect(r.code).to.not.equal(0)
    expect(r.out).to.include('KSIM_REQUIRE_SHARED=1 requires it')
  })

  it('.ci/run fails at once when ../shared/corpus is absent', () => {
    const repo = path.join(path.dirname(absent), 'repo')
    fs.mkdirSync(path.join(repo, '.ci'), {recursive: true})
    fs.copyFileSync(path.join(ROOT, '.ci', 'run'), path.join(repo, '.ci', 'run'))
    const r = spawnSync('bash', [path.join(repo, '.ci', 'run')], {encoding: 'utf8'})
    expect(r.status).to.equal(1)
    expect(r.stderr).to.equal('error: ../shared/corpus is absent: CI runs the corpus tests, it cannot skip them\n')
  })
})
