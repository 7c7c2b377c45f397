// oclif reads commands from oclif.manifest.json when it exists, so a stale manifest hides new commands
// and flags: this fails whenever it disagrees with the compiled src/commands/.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import {ROOT} from './helpers/cli.js'

describe('oclif.manifest.json', function () {
  this.timeout(60_000)

  it('matches the commands and flags in src/commands', async () => {
    const {buildManifest} = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'manifest.js')).href)) as {
      buildManifest(root: string): Promise<{manifest: {commands: Record<string, unknown>}}>
    }
    const fresh = (await buildManifest(ROOT)).manifest
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8'))
    expect(Object.keys(committed.commands).sort()).to.deep.equal(Object.keys(fresh.commands).sort())
    expect(JSON.parse(JSON.stringify(fresh))).to.deep.equal(committed)
  })

  it('lists a command for every file under src/commands', () => {
    const dir = path.join(ROOT, 'src', 'commands')
    const ids: string[] = []
    const walk = (d: string, prefix: string[]) => {
      for (const e of fs.readdirSync(d, {withFileTypes: true})) {
        if (e.isDirectory()) walk(path.join(d, e.name), [...prefix, e.name])
        else if (e.name.endsWith('.ts')) ids.push([...prefix, ...(e.name === 'index.ts' ? [] : [e.name.slice(0, -3)])].join(':'))
      }
    }
    walk(dir, [])
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8'))
    expect(Object.keys(committed.commands).sort()).to.deep.equal(ids.sort())
  })
})
