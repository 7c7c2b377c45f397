import {Args, loadHelpClass} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'

export default defineCommand({
  summary: 'Help about any command',
  description: `Help provides help for any command in the application.
Simply type ksim help [path to command] for full details.`,
  examples: ['# Show the commands ksim has\n<%= config.bin %> help', '# Show the help of one command\n<%= config.bin %> help get', '<%= config.bin %> help cluster create'],
  args: {
    command: Args.string({description: 'the command to show help for'}),
  },
  strict: false,
  async run(cmd, {argv}) {
    const HelpClass = await loadHelpClass(cmd.config)
    await new HelpClass(cmd.config, cmd.config.pjson.oclif.helpOptions).showHelp(argv)
  },
})
