// The common verbs' fast path (src/cli/fast-path.ts): which command lines take it, the facts about oclif and
// the commands it relies on, and the same output, errors and exit codes through it as through oclif
// (KSIM_NO_FAST_PATH=1), for successes, kubectl's errors and oclif's parse errors.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {BIN as FAST_BIN, FAST_VERBS, fastCommandId} from '../../src/cli/fast-path.js'
import {ROOT, Sandbox} from '../helpers/cli.js'

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n`

describe('the fast path of get, describe and create -f', function () {
  this.timeout(120_000)

  it('takes the command lines whose first word is the verb, and nothing that could mean something else', () => {
    const cases: [string[], string | undefined][] = [
      [['get', 'pods'], 'get'],
      [['get', '-n', 'x', 'pods', '-o', 'wide'], 'get'],
      [['get'], 'get'],
      [['describe', 'pod', 'p'], 'describe'],
      [['create', '-f', 'p.yaml'], 'create'],
      [['create', '--filename=p.yaml', '-o', 'name'], 'create'],
      [['create', '--bogus'], 'create'],
      [['create'], undefined],
      [['create', 'deployment', 'd', '--image=nginx'], undefined],
      [['create', '-n', 'x', 'deployment', 'd'], undefined],
      [['create', '--namespace=x', 'deployment', 'd'], undefined],
      [['create', '--context', 'c', '-f', 'p.yaml'], undefined],
      [['create', '--', '-f'], undefined],
      [['create', '-', 'x'], undefined],
      [['get', 'pods', '--help'], undefined],
      [['get', '-h'], undefined],
      [['describe', 'help'], undefined],
      [['help', 'get'], undefined],
      [['-n', 'x', 'get', 'pods'], undefined],
      [['delete', 'pods', '--all'], undefined],
      [['apply', '-f', 'p.yaml'], undefined],
      [[], undefined],
    ]
    for (const [argv, id] of cases) expect(fastCommandId(argv, {}), argv.join(' ')).to.equal(id)
    expect(fastCommandId(['get', 'pods'], {KSIM_NO_FAST_PATH: '1'})).to.equal(undefined)
    expect(fastCommandId(['get', 'pods'], {DEBUG: '*'})).to.equal(undefined)
  })

  it('relies on what is true of the package and the manifest: the bin, no hooks, verbs without subcommands or deprecation', () => {
    const pjson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pjson.oclif.bin).to.equal(FAST_BIN)
    expect(pjson.oclif.hooks).to.equal(undefined)
    expect(pjson.oclif.topicSeparator).to.equal(' ')
    const {commands} = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8'))
    for (const verb of FAST_VERBS) {
      const c = commands[verb]
      expect(c, verb).to.not.equal(undefined)
      expect(c.strict, verb).to.equal(false)
      expect(c.state, verb).to.equal(undefined)
      expect(c.deprecateAliases, verb).to.equal(undefined)
      expect(c.flags.help, verb).to.equal(undefined)
    }
    // get and describe have no subcommands; create's all start with a word, never a flag
    const ids = Object.keys(commands)
    expect(ids.filter((id) => id.startsWith('get:') || id.startsWith('describe:'))).to.deep.equal([])
    expect(ids.filter((id) => id.startsWith('create:')).every((id) => !id.split(':')[1]!.startsWith('-'))).to.equal(true)
  })

  describe('prints the same as oclif does', () => {
    let sb: Sandbox
    // ages tick between the two runs (and widen their column): compared as <age>, with single spaces
    const normal = (text: string) => text.replaceAll(/\b\d+m?\d*s\b|\b\d+m\b/g, '<age>').replaceAll(/ +/g, ' ')
    const both = (args: string[], input = '') => {
      const fast = sb.run(args, {input})
      const slow = sb.run(args, {input, env: {KSIM_NO_FAST_PATH: '1'}})
      expect({...fast, stdout: normal(fast.stdout), stderr: normal(fast.stderr)}, args.join(' ')).to.deep.equal({
        ...slow,
        stdout: normal(slow.stdout),
        stderr: normal(slow.stderr),
      })
      return fast
    }

    before(() => {
      sb = new Sandbox('ksim-fast-path-', {KSIM_NO_RECONCILER: '1'})
      expect(sb.run(['cluster', 'create', 'fp', '--nodes', '1']).code).to.equal(0)
      sb.write('a.yaml', POD('a'))
      sb.write('b.yaml', POD('b'))
      sb.write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers: []\n')
    })
    after(() => sb.cleanup())

    it('create -f: the same line for each new pod, written by kubectl-create', () => {
      const fast = sb.run(['create', '-f', 'a.yaml'])
      const slow = sb.run(['create', '-f', 'b.yaml'], {env: {KSIM_NO_FAST_PATH: '1'}})
      expect(fast).to.deep.equal({stdout: 'pod/a created\n', stderr: '', code: 0})
      expect(slow).to.deep.equal({stdout: 'pod/b created\n', stderr: '', code: 0})
      for (const name of ['a', 'b']) {
        const r = sb.run(['get', 'pod', name, '-o', 'jsonpath={.metadata.managedFields[*].manager} {.metadata.managedFields[*].operation}'])
        expect(r.stdout, name).to.equal('kubectl-create Update')
      }
    })

    for (const args of [
      ['get', 'pods'],
      ['get', 'pods', '-o', 'wide'],
      ['get', 'pod', 'a', '-o', 'yaml'],
      ['get', 'pods', '-A', '--show-labels'],
      ['get', '-n', 'kube-system', 'pods'],
      ['get', 'pods', '--namespace=nope'],
      ['get', 'nodes'],
      ['get', 'pods,nodes', '-o', 'name'],
      ['get', 'pod', 'nope'],
      ['get', 'nopes'],
      ['get'],
      ['get', 'pods', '--bogus'],
      ['get', 'pods', '-o', 'bogus'],
      ['get', 'pods', '-n'],
      ['get', 'pods', '-l', 'app=web', '--no-headers'],
      ['describe', 'pod', 'a'],
      ['describe', 'pods', '-l', 'app=web'],
      ['describe', 'node'],
      ['describe', 'pod', 'nope'],
      ['describe'],
      ['describe', 'pod', 'a', '--bogus'],
      ['create', '-f', 'a.yaml'],
      ['create', '-f', 'missing.yaml'],
      ['create', '-f', 'bad.yaml'],
      ['create', '-f', 'a.yaml', 'extra'],
      ['create', '-f', 'a.yaml', '--dry-run=client', '-o', 'yaml'],
      ['create', '-f'],
      ['create', '--bogus'],
      ['create', '-f', '-', '--dry-run=client', '-o', 'name'],
    ]) {
      it(`ksim ${args.join(' ')}`, () => {
        both(args, args.includes('-') ? POD('stdin') : '')
      })
    }
  })
})
