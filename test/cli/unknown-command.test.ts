import {expect} from 'chai'

import {suggestionsFor, unknownCommandText} from '../../src/cli/unknown-command.js'
import {spawnSync} from 'node:child_process'

import {BIN, Sandbox} from '../helpers/cli.js'

const IDS = ['create', 'create:deployment', 'get', 'set:image', 'delete', 'describe', 'cluster:create', 'node:stop', 'config:use-context', 'rollout:status', 'rollout:undo', 'completion', 'cordon']

describe('unknown commands in kubectl (cobra) words', function () {
  this.timeout(60_000)

  it('suggests commands within two edits or that start with what was typed, in kubectl\'s command order', () => {
    expect(suggestionsFor('gte', ['get', 'set', 'delete'])).to.deep.equal(['get'])
    expect(suggestionsFor('de', ['describe', 'delete', 'get', 'set', 'node', 'cordon'])).to.deep.equal(['set', 'get', 'delete', 'node', 'describe'])
    expect(suggestionsFor('GET', ['get'])).to.deep.equal(['get'])
    expect(suggestionsFor('xyzzy', ['get', 'set'])).to.deep.equal([])
  })

  it('words a top-level typo as cobra and one under a group as kubectl\'s DefaultSubCommandRun', () => {
    expect(unknownCommandText('xyzzy', IDS, 'ksim')).to.equal('error: unknown command "xyzzy" for "ksim"\n')
    expect(unknownCommandText('gte:pods', IDS, 'ksim')).to.equal('error: unknown command "gte" for "ksim"\n\nDid you mean this?\n\tget\n')
    expect(unknownCommandText('rollout:foo:deploy/web', IDS, 'ksim')).to.equal("error: unknown command \"foo deploy/web\"\nSee 'ksim rollout -h' for help and examples\n")
    expect(unknownCommandText('config:nope', IDS, 'ksim')).to.equal("error: unknown command \"nope\"\nSee 'ksim config -h' for help and examples\n")
  })

  it('is what the CLI prints, with exit code 1', () => {
    const sb = new Sandbox('ksim-unknown-', {KSIM_NO_RECONCILER: '1'})
    try {
      expect(sb.run(['gte', 'pods'])).to.deep.equal({stdout: '', stderr: 'error: unknown command "gte" for "ksim"\n\nDid you mean this?\n\tget\n', code: 1})
      expect(sb.run(['rollout', 'frobnicate', 'deploy/web'])).to.deep.equal({stdout: '', stderr: "error: unknown command \"frobnicate deploy/web\"\nSee 'ksim rollout -h' for help and examples\n", code: 1})
      // a group without a subcommand prints its help and fails, as kubectl's DefaultSubCommandRun does
      const set = sb.run(['set'])
      expect([set.stdout, set.code]).to.deep.equal(['', 1])
      expect(set.stderr).to.match(/^Set specific features on objects\n[^]*\n {2}set image +Update the image of a pod template\n/)
      const rollout = sb.run(['rollout'])
      expect([rollout.stderr, rollout.code]).to.deep.equal(['', 1])
      expect(rollout.stdout).to.include('rollout undo')
      expect(sb.run(['rollout', '--help']).code).to.equal(0)
      // a real command with a bad flag still gets oclif's flag error in kubectl's words
      expect(sb.run(['get', '--bogus']).stderr).to.equal("error: unknown flag: --bogus\nSee 'ksim get --help' for usage.\n")
    } finally {
      sb.cleanup()
    }
  })

  it('names the program as it was run: `kubectl list` run as kubectl (argv0) says "for \"kubectl\"", exit code 1, nothing on stdout', () => {
    const sb = new Sandbox('ksim-unknown-', {KSIM_NO_RECONCILER: '1'})
    try {
      const r = spawnSync(process.execPath, [BIN, 'list'], {argv0: 'kubectl', cwd: sb.home, env: sb.env(), encoding: 'utf8'})
      expect([r.stdout, r.stderr, r.status]).to.deep.equal(['', 'error: unknown command "list" for "kubectl"\n\nDid you mean this?\n\tget\n\twait\n', 1])
      expect(sb.run(['list'])).to.deep.equal({stdout: '', stderr: 'error: unknown command "list" for "ksim"\n\nDid you mean this?\n\tget\n\twait\n', code: 1})
    } finally {
      sb.cleanup()
    }
  })
})
