import {expect} from 'chai'

import {hoistGlobalFlags, leadingFlags} from '../../src/cli/global-flags.js'

const PATHS = new Set(['get', 'create', 'create:deployment', 'delete', 'rollout', 'rollout:status', 'run'])
const hoist = (argv: string[]) => hoistGlobalFlags(argv, (id) => PATHS.has(id))

describe('hoistGlobalFlags', () => {
  it('moves -n/--namespace/--context from before or among the command words to after them', () => {
    expect(hoist(['-n', 'team', 'get', 'pods'])).to.deep.equal(['get', '-n', 'team', 'pods'])
    expect(hoist(['--context', 'dev', '-nteam', 'create', 'deployment', 'd'])).to.deep.equal(['create', 'deployment', '--context', 'dev', '-nteam', 'd'])
    expect(hoist(['create', '--namespace=x', 'deployment', 'd', '--image=nginx'])).to.deep.equal(['create', 'deployment', '--namespace=x', 'd', '--image=nginx'])
    expect(hoist(['--context=dev', 'rollout', 'status', 'deploy/d'])).to.deep.equal(['rollout', 'status', '--context=dev', 'deploy/d'])
  })

  it('leaves the rest of the line alone, after -- too', () => {
    expect(hoist(['-n', 'x', 'run', 'p', '--image=busybox', '--', 'sh', '-n', 'y'])).to.deep.equal(['run', '-n', 'x', 'p', '--image=busybox', '--', 'sh', '-n', 'y'])
    expect(hoist(['get', 'pods', '-n', 'x'])).to.deep.equal(['get', 'pods', '-n', 'x'])
  })

  it('keeps an unknown first word first, for the unknown-command message', () => {
    expect(hoist(['-n', 'x', 'logs', 'p'])).to.deep.equal(['logs', '-n', 'x', 'p'])
  })
})

describe('leadingFlags: flags before the verb, as kubectl 1.35 judges them', () => {
  const lead = (argv: string[]) => leadingFlags(argv, (id) => PATHS.has(id), 'ksim')
  const usage = "See 'ksim --help' for usage.\n"

  it('hands a command found past the leading flags its flags, after its words', () => {
    expect(lead(['-n', 'team', 'get', 'pods'])).to.deep.equal({kind: 'ok', argv: ['get', '-n', 'team', 'pods']})
    expect(lead(['--bogus=1', 'get', 'pods'])).to.deep.equal({kind: 'ok', argv: ['get', '--bogus=1', 'pods']})
    expect(lead(['--context=x', '-n', 'a', 'rollout', 'status', 'd'])).to.deep.equal({kind: 'ok', argv: ['rollout', 'status', '--context=x', '-n', 'a', 'd']})
    expect(lead(['get', '--bogus'])).to.deep.equal({kind: 'ok', argv: ['get', '--bogus']})
    expect(lead(['--version'])).to.deep.equal({kind: 'ok', argv: ['--version']})
  })

  it('refuses flags before a word that names no command, as the plugin handler does (naming the first argument)', () => {
    const plugin = (flag: string) => ({kind: 'error', text: `Error: flags cannot be placed before plugin name: ${flag}\n`, code: 1})
    // --bogus takes "get" as its value, so "pods" is the command looked for
    expect(lead(['--bogus', 'get', 'pods'])).to.deep.equal(plugin('--bogus'))
    expect(lead(['-Z', 'get', 'pods'])).to.deep.equal(plugin('-Z'))
    expect(lead(['-n', 'team', '--bogus', 'get', 'pods'])).to.deep.equal(plugin('-n'))
    expect(lead(['-n', 'team', 'nosuchverb'])).to.deep.equal(plugin('-n'))
  })

  it("lets the root parse flags that leave no word: pflag's first error, or its help", () => {
    expect(lead(['-n'])).to.deep.equal({kind: 'error', text: `error: flag needs an argument: 'n' in -n\n${usage}`, code: 1})
    expect(lead(['--context'])).to.deep.equal({kind: 'error', text: `error: flag needs an argument: --context\n${usage}`, code: 1})
    expect(lead(['-n', 'team', '--bogus'])).to.deep.equal({kind: 'error', text: `error: unknown flag: --bogus\n${usage}`, code: 1})
    expect(lead(['--context=x', '--bogus', 'get'])).to.deep.equal({kind: 'error', text: `error: unknown flag: --bogus\n${usage}`, code: 1})
    expect(lead(['-Z'])).to.deep.equal({kind: 'error', text: `error: unknown shorthand flag: 'Z' in -Z\n${usage}`, code: 1})
    expect(lead(['-n', 'team'])).to.deep.equal({kind: 'ok', argv: []})
  })
})
