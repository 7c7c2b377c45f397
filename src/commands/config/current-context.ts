import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {readConfig} from '../../config/contexts.js'

export default class CurrentContext extends KsimCommand {
  static override description = 'Display the current-context.'

  static override examples = ['# Display the current-context\n<%= config.bin %> config current-context']

  static override summary = 'Display the current-context'

  async run(): Promise<void> {
    await this.parse(CurrentContext)
    const cfg = readConfig()
    if (!cfg.currentContext) throw new CliError('current-context is not set')
    this.out(`${cfg.currentContext}\n`)
  }
}
