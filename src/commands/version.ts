import {Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {formatVersion} from '../cli/verbs/version.js'

export default class Version extends KsimCommand {
  static override description = 'Print the client and server version information for the current context.'

  static override examples = ['# Print the client and server versions for the current context\n<%= config.bin %> version']

  static override flags = {
    client: Flags.boolean({description: 'If true, shows client version only (no server required).', default: false}),
    output: Flags.string({char: 'o', description: "One of 'yaml' or 'json'."}),
  }

  static override summary = 'Print the client and server version information'

  async run(): Promise<void> {
    const {flags} = await this.parse(Version)
    const output = flags.output ?? ''
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new CliError('--output must be \'yaml\' or \'json\'')
    // the server part needs the current cluster, as kubectl needs its server
    if (!flags.client) await this.openApi(await this.target(flags))
    this.out(formatVersion(output, flags.client))
  }
}
