import {defineCommand} from '../cli/define-command.js'
import {CliError} from '../cli/errors.js'

export default defineCommand({
  summary: 'Print the supported API versions on the server, in the form of "group/version"',
  description: 'Print the supported API versions on the server, in the form of "group/version".',
  examples: ['# Print the supported API versions\n<%= config.bin %> api-versions'],
  strict: false,
  async run(cmd, {argv, flags}) {
    if (argv.length > 0) throw new CliError(`unexpected arguments: [${argv.join(' ')}]`, true)
    await cmd.openApi(await cmd.target(flags))
    const [{servedGroupVersions}, {formatApiVersions}] = await Promise.all([import('../api/discovery.js'), import('../printers/api-resources.js')])
    cmd.out(formatApiVersions(servedGroupVersions()))
  },
})
