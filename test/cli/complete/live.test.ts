import {expect} from 'chai'
import os from 'node:os'
import path from 'node:path'

import {home, readConfig as liveConfig, stateFile as liveStateFile} from '../../../src/cli/complete/live.cjs'
import {readConfig} from '../../../src/config/contexts.js'
import {ksimHome, stateFile} from '../../../src/config/paths.js'
import {CompletionHome} from './fixture.js'

describe('completion reads the files src/config writes', function () {
  this.timeout(60_000)

  it('finds KSIM_HOME, the config and the state files where src/config puts them', async () => {
    const h = new CompletionHome()
    try {
      await h.cluster('dev', 1, true)
      expect(home()).to.equal(ksimHome())
      expect(liveStateFile('dev')).to.equal(stateFile('dev'))
      const cfg = readConfig()
      expect(liveConfig().currentContext).to.equal(cfg.currentContext)
      expect(Object.keys(liveConfig().contexts)).to.deep.equal([...cfg.contexts.keys()])
      expect(liveConfig()).to.deep.equal({currentContext: 'dev', contexts: {dev: {cluster: 'dev'}}})
    } finally {
      h.cleanup()
    }
  })

  it('defaults to ~/.ksim as src/config does', () => {
    const saved = process.env.KSIM_HOME
    delete process.env.KSIM_HOME
    try {
      expect(home()).to.equal(ksimHome())
      expect(home()).to.equal(path.join(os.homedir(), '.ksim'))
    } finally {
      if (saved !== undefined) process.env.KSIM_HOME = saved
    }
  })
})
