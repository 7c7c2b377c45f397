// The run-time manifest (src/cli/run-manifest.ts): what the build writes beside the bundle, when the CLI
// reads it instead of oclif.manifest.json, and that a command line run through it behaves as through the full one.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {RUN_MANIFEST, RUN_MANIFEST_KEYS, mayPrintHelp} from '../../src/cli/run-manifest.js'
import {ROOT, Sandbox} from '../helpers/cli.js'

type Manifest = {version: string; commands: Record<string, Record<string, unknown>>}
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Manifest

describe('run-time manifest', function () {
  this.timeout(120_000)

  it('lists every command of oclif.manifest.json with only the kept fields, and is a small part of it', () => {
    const full = read('oclif.manifest.json')
    const run = read(RUN_MANIFEST)
    expect(run.version).to.equal(full.version)
    expect(Object.keys(run.commands)).to.deep.equal(Object.keys(full.commands))
    for (const [id, c] of Object.entries(full.commands)) {
      const kept = Object.fromEntries(Object.entries(c).filter(([k]) => RUN_MANIFEST_KEYS.includes(k)))
      expect(run.commands[id], id).to.deep.equal(kept)
    }
    expect(fs.statSync(path.join(ROOT, RUN_MANIFEST)).size).to.be.below(fs.statSync(path.join(ROOT, 'oclif.manifest.json')).size / 10)
  })

  it('is left for the full manifest whenever oclif may print help', () => {
    expect(mayPrintHelp([])).to.equal(true)
    expect(mayPrintHelp(['get', '--help'])).to.equal(true)
    expect(mayPrintHelp(['get', 'pods', '-h'])).to.equal(true)
    expect(mayPrintHelp(['help', 'get'])).to.equal(true)
    expect(mayPrintHelp(['get', 'pods'])).to.equal(false)
    expect(mayPrintHelp(['create', '-f', 'pod.yaml'])).to.equal(false)
  })

  describe('through the CLI', () => {
    const cli = new Sandbox('ksim-run-manifest-', {KSIM_NO_RECONCILER: '1'})
    after(() => cli.cleanup())

    it('runs a command with arguments (get pods), a group without a subcommand (its help) and an unknown command', () => {
      expect(cli.run(['cluster', 'create', 'rm', '--nodes', '1']).code).to.equal(0)
      const get = cli.run(['get', 'pods'])
      expect(get.stderr).to.equal('No resources found in default namespace.\n')
      expect(get.code).to.equal(0)
      const group = cli.run(['set'])
      expect(group.code).to.equal(1)
      expect(group.stderr).to.match(/^Set specific features on objects\n/)
      const unknown = cli.run(['gett', 'pods'])
      expect(unknown.code).to.equal(1)
      expect(unknown.stderr).to.equal('error: unknown command "gett" for "ksim"\n\nDid you mean this?\n\tset\n\tget\n')
    })
  })
})
