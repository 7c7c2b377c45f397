import {expect} from 'chai'

import {hoistGlobalFlags} from '../../src/cli/global-flags.js'

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
