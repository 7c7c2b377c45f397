// kubectl's plugins: `kubectl-NAME` executables on PATH run for commands kubectl does not have, and
// `plugin list` shows them with kubectl's warnings.
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {findPlugin, pluginLookup} from '../../src/cli/plugins.js'
import {listPlugins} from '../../src/cli/verbs/plugin-list.js'
import {Sandbox} from '../helpers/cli.js'

function script(dir: string, name: string, body: string, mode = 0o755): string {
  fs.mkdirSync(dir, {recursive: true})
  const p = path.join(dir, name)
  fs.writeFileSync(p, `#!/bin/sh\n${body}\n`, {mode})
  return p
}

describe('kubectl plugins', function () {
  this.timeout(120_000)
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-plugins-'))
  })
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

  const builtins = (words: string[]) => (['version', 'create', 'get'].includes(words[0]!) ? [words[0]!] : undefined)

  it('looks for the longest dash-joined name first, dashes in words read as underscores, never below minArgs', () => {
    const a = path.join(dir, 'a')
    script(a, 'kubectl-foo', 'echo foo')
    script(a, 'kubectl-foo-bar_baz', 'echo foo-bar_baz')
    script(a, 'kubectl-create', 'echo create')
    expect(findPlugin(['foo', 'bar-baz', 'x', '--flag', 'y'], 1, a)).to.deep.equal({path: path.join(a, 'kubectl-foo-bar_baz'), args: ['x', '--flag', 'y']})
    expect(findPlugin(['foo', 'other'], 1, a)).to.deep.equal({path: path.join(a, 'kubectl-foo'), args: ['other']})
    // `create nope` does not fall back to kubectl-create
    expect(findPlugin(['create', 'nope'], 2, a)).to.equal(undefined)
    expect(findPlugin(['--x', 'foo'], 1, a)).to.deep.equal({error: 'flags cannot be placed before plugin name: --x'})
  })

  it('asks for a plugin only for an unknown command or an unknown create subcommand', () => {
    const known = (id: string) => ['get', 'create', 'create:cronjob'].includes(id)
    expect(pluginLookup(['foo', 'a'], known)).to.deep.equal({cmdArgs: ['foo', 'a'], minArgs: 1})
    expect(pluginLookup(['get', 'pods'], known)).to.equal(undefined)
    expect(pluginLookup(['create', 'foo'], known)).to.deep.equal({cmdArgs: ['create', 'foo'], minArgs: 2})
    expect(pluginLookup(['create', 'cronjob', 'x'], known)).to.equal(undefined)
    expect(pluginLookup(['create', '-f', 'x.yaml'], known)).to.equal(undefined)
    expect(pluginLookup(['-n', 'x', 'foo'], known)).to.equal(undefined)
  })

  it('lists plugins in PATH order with kubectl\'s warnings and errors', () => {
    const [one, two] = [path.join(dir, 'one'), path.join(dir, 'two')]
    script(one, 'kubectl-foo', 'true')
    script(one, 'kubectl-version', 'true')
    script(one, 'kubectl-noexec', 'true', 0o644)
    script(one, 'other', 'true')
    script(two, 'kubectl-foo', 'true')
    fs.mkdirSync(path.join(two, 'kubectl-dir'))
    const missing = path.join(dir, 'missing')
    const r = listPlugins([one, two, one, missing].join(':'), false, builtins, 'kubectl')
    expect(r.out).to.equal(`The following compatible plugins are available:\n\n${one}/kubectl-foo\n${one}/kubectl-noexec\n${one}/kubectl-version\n${two}/kubectl-foo\n`)
    // the directories are read first (an unreadable one said at once), then each plugin is checked
    expect(r.err).to.deep.equal([
      `Unable to read directory "${missing}" from your PATH: open ${missing}: no such file or directory. Skipping...`,
      `  - warning: ${one}/kubectl-noexec identified as a kubectl plugin, but it is not executable`,
      '  - warning: kubectl-version overwrites existing command: "kubectl version"',
      `  - warning: ${two}/kubectl-foo is overshadowed by a similarly named plugin: ${one}/kubectl-foo`,
    ])
    expect(r.error).to.equal('error: 3 plugin warnings were found')
    expect(listPlugins(one, true, builtins, 'kubectl').out).to.equal('The following compatible plugins are available:\n\nkubectl-foo\nkubectl-noexec\nkubectl-version\n')
    expect(listPlugins(path.join(dir, 'none'), false, builtins, 'kubectl')).to.deep.include({out: '', error: 'error: unable to find any kubectl plugins in your PATH'})
  })

  it('runs a plugin with its arguments and exit status; a built-in command wins over a plugin of its name', () => {
    const sb = new Sandbox('ksim-plugin-run-', {KSIM_NO_RECONCILER: '1'})
    try {
      const bin = path.join(dir, 'bin')
      script(bin, 'kubectl-hello', 'echo "hello $0 $*"; exit 3')
      script(bin, 'kubectl-version', 'echo shadow')
      script(bin, 'kubectl-create-thing', 'echo "thing $*"')
      const env = {PATH: `${bin}:${process.env.PATH}`}
      expect(sb.run(['hello', 'a', '--b'], {env})).to.deep.equal({stdout: `hello ${bin}/kubectl-hello a --b\n`, stderr: '', code: 3})
      expect(sb.run(['create', 'thing', 'x'], {env})).to.deep.equal({stdout: 'thing x\n', stderr: '', code: 0})
      expect(sb.run(['version', '--client'], {env}).stdout).to.match(/^Client Version: v1\.35\.\d+\n/)
      const list = sb.run(['plugin', 'list', '--name-only'], {env: {PATH: `${bin}:${path.dirname(process.execPath)}`}})
      expect(list.stdout).to.equal('The following compatible plugins are available:\n\nkubectl-create-thing\nkubectl-hello\nkubectl-version\n')
      expect(list.stderr).to.equal('  - warning: kubectl-create-thing overwrites existing command: "ksim create"\n  - warning: kubectl-version overwrites existing command: "ksim version"\nerror: 2 plugin warnings were found\n')
      expect(list.code).to.equal(1)
    } finally {
      sb.cleanup()
    }
  })
})
