import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'

export default class ApiVersions extends KsimCommand {
  static override description = 'Print the supported API versions on the server, in the form of "group/version".'

  static override examples = ['# Print the supported API versions\n<%= config.bin %> api-versions']

  static override strict = false

  static override summary = 'Print the supported API versions on the server, in the form of "group/version"'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ApiVersions)
    if (argv.length > 0) throw new CliError(`unexpected arguments: [${argv.join(' ')}]`, true)
    await this.openApi(await this.target(flags))
    const [{servedGroupVersions}, {formatApiVersions}] = await Promise.all([import('../api/discovery.js'), import('../printers/api-resources.js')])
    this.out(formatApiVersions(servedGroupVersions()))
  }
}
