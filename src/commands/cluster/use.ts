import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {clusterExists} from '../../cluster/clusters.js'
import {updateConfig} from '../../config/contexts.js'

export default class ClusterUse extends KsimCommand {
  static override args = {
    name: Args.string({description: 'cluster name', required: true}),
  }

  static override description = "Make a cluster's context the current context (creating the context if it is missing)."

  static override examples = ['<%= config.bin %> cluster use dev']

  static override summary = 'Switch to a cluster'

  async run(): Promise<void> {
    const {args} = await this.parse(ClusterUse)
    if (!clusterExists(args.name)) throw new CliError(`cluster "${args.name}" not found`)
    await updateConfig((cfg) => {
      if (!cfg.contexts.has(args.name)) cfg.contexts.set(args.name, {cluster: args.name})
      cfg.currentContext = args.name
    })
    this.out(`Switched to context "${args.name}".\n`)
  }
}
