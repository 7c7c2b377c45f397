import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {readConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Display the current-context',
  description: 'Display the current-context.',
  examples: ['# Display the current-context\n<%= config.bin %> config current-context'],
  async run(cmd) {
    const cfg = readConfig()
    if (!cfg.currentContext) throw new CliError('current-context is not set')
    cmd.out(`${cfg.currentContext}\n`)
  },
})
