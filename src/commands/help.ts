import {Args, loadHelpClass} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'

export default class HelpCommand extends KsimCommand {
  static override args = {
    command: Args.string({description: 'the command to show help for'}),
  }

  static override description = `Help provides help for any command in the application.
Simply type ksim help [path to command] for full details.`

  static override examples = ['# Show the commands ksim has\n<%= config.bin %> help', '# Show the help of one command\n<%= config.bin %> help get', '<%= config.bin %> help cluster create']

  static override strict = false

  static override summary = 'Help about any command'

  async run(): Promise<void> {
    const {argv} = await this.parse(HelpCommand)
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config, this.config.pjson.oclif.helpOptions).showHelp(argv as string[])
  }
}
