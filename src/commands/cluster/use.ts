import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {updateConfig} from '../../config/contexts.js'

export default class ClusterUse extends KsimCommand {
  static override args = {
    name: Args.string({description: 'cluster name', required: true}),
  }

  static override description = "Make a cluster's context the current context (creating the context if it is missing)."

  static override examples = ['<%= config.bin %> cluster use dev']

  static override summary = 'Switch to a cluster'

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterUse)
    await this.existingCluster(args.name, flags)
    await updateConfig((cfg) => {
      if (!cfg.contexts.has(args.name)) cfg.contexts.set(args.name, {cluster: args.name})
      cfg.currentContext = args.name
    })
    this.out(`Switched to context "${args.name}".\n`)
  }
}
