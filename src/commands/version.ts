import {Flags} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'
import {CliError} from '../cli/errors.js'
import {formatVersion} from '../cli/verbs/version.js'

export default defineCommand({
  summary: 'Print the client and server version information',
  description: 'Print the client and server version information for the current context.',
  examples: ['# Print the client and server versions for the current context\n<%= config.bin %> version'],
  flags: {
    client: Flags.boolean({description: 'If true, shows client version only (no server required).', default: false}),
    output: Flags.string({char: 'o', description: "One of 'yaml' or 'json'."}),
  },
  async run(cmd, {flags}) {
    const output = flags.output ?? ''
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new CliError('--output must be \'yaml\' or \'json\'')
    // the server part needs the current cluster, as kubectl needs its server
    if (!flags.client) await cmd.openApi(await cmd.target(flags))
    cmd.out(formatVersion(output, flags.client))
  },
})
