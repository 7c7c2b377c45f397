import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Set the current-context in a kubeconfig file',
  description: 'Set the current-context in a kubeconfig file.',
  examples: ['# Use the context for the dev cluster\n<%= config.bin %> config use-context dev'],
  aliases: ['config:use'],
  args: {
    name: Args.string({description: 'context name', required: true}),
  },
  async run(cmd, {args}) {
    await updateConfig((cfg) => {
      if (!cfg.contexts.has(args.name)) throw new CliError(`no context exists with the name: "${args.name}"`)
      cfg.currentContext = args.name
    })
    cmd.out(`Switched to context "${args.name}".\n`)
  },
})
