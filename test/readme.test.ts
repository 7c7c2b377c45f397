// What the README promises a new user: a quick start without the slow `npx ksim`, and a row for every
// pod annotation the simulated runtime reads, saying when it applies.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {LIFECYCLE_ANNOTATIONS} from '../src/api/validation/lifecycle-annotations.js'
import {ROOT} from './helpers/cli.js'

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`)
  expect(start, title).to.be.greaterThan(-1)
  const end = README.indexOf('\n## ', start + 1)
  return README.slice(start, end < 0 ? undefined : end)
}

describe('README', () => {
  it('quick start: install, link and run ksim, then test; no npx (several times slower a call)', () => {
    const quick = section('Quick start')
    const commands = /```sh\n([^]*?)```/.exec(quick)![1]!.trim().split('\n').map((l) => l.replace(/\s+#.*$/, ''))
    expect(commands).to.deep.equal(['npm install && npm link --ignore-scripts && ksim create -f examples/pod.yaml', 'npm test'])
    expect(quick).not.to.match(/npx ksim create|npx ksim get/)
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {bin: Record<string, string>}
    expect(pkg.bin.ksim).to.equal('./bin/run.js')
    expect(fs.statSync(path.join(ROOT, 'bin', 'run.js')).mode & 0o111).to.not.equal(0)
    expect(fs.existsSync(path.join(ROOT, 'examples', 'pod.yaml'))).to.equal(true)
  })

  it('documents every ksim.io pod annotation with when it applies', () => {
    const rows = README.split('\n').filter((l) => l.startsWith('| `ksim.io/'))
    for (const key of Object.keys(LIFECYCLE_ANNOTATIONS)) {
      const row = rows.find((r) => r.startsWith(`| \`${key}\` |`))
      expect(row, key).to.not.equal(undefined)
      expect(row!.split(' | ').length, `${key}: annotation | what | when | default`).to.equal(4)
    }
  })
})
