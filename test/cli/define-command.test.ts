import {Args, Flags} from '@oclif/core'
import {expect} from 'chai'

import {KsimCommand, unlessDryRun} from '../../src/cli/base-command.js'
import {defineCommand} from '../../src/cli/define-command.js'

describe('defineCommand', () => {
  const args = {name: Args.string({description: 'a name'})}
  const flags = {force: Flags.boolean({description: 'force it', default: false})}

  it('turns the spec into the statics oclif reads (help, args, flags, strict, writes), on a KsimCommand', () => {
    const C = defineCommand({summary: 'Do it', description: 'Do it.', examples: ['<%= config.bin %> do'], usage: 'do NAME', aliases: ['d'], args, flags, strict: false, writes: unlessDryRun, run: () => undefined})
    expect(Object.getPrototypeOf(C)).to.equal(KsimCommand)
    expect([C.summary, C.description, C.examples, C.usage, C.aliases, C.strict]).to.deep.equal(['Do it', 'Do it.', ['<%= config.bin %> do'], 'do NAME', ['d'], false])
    expect(C.args).to.equal(args)
    expect(C.flags).to.equal(flags)
    expect((C as typeof KsimCommand).writes).to.equal(unlessDryRun)
    // the global flags stay the base command's
    expect(C.baseFlags).to.equal(KsimCommand.baseFlags)
  })

  it('sets only what the spec gives: oclif keeps its defaults for the rest, and the manifest no undefined keys', () => {
    const C = defineCommand({summary: 'Do it', description: 'Do it.', run: () => undefined})
    for (const key of ['usage', 'aliases', 'hidden', 'args', 'flags', 'strict', 'writes', 'examples']) {
      expect(Object.prototype.hasOwnProperty.call(C, key), key).to.equal(false)
    }
    expect(C.strict).to.equal(true)
    expect(Object.keys(C).sort()).to.deep.equal(['description', 'summary'])
  })
})
