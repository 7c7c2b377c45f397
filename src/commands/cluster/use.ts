import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {addKsimContext, updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Switch to a cluster',
  description: "Make a cluster's context the current context (creating the context if it is missing).",
  examples: ['<%= config.bin %> cluster use dev'],
  args: {
    name: Args.string({description: 'cluster name', required: true}),
  },
  async run(cmd, {args, flags}) {
    await cmd.existingCluster(args.name, flags)
    await updateConfig((cfg) => {
      if (!cfg.contexts.has(args.name)) addKsimContext(cfg, args.name, true)
      cfg.currentContext = args.name
    })
    cmd.out(`Switched to context "${args.name}".\n`)
  },
})
