import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {clusterExists, deleteCluster} from '../../cluster/clusters.js'

export default class ClusterDelete extends KsimCommand {
  static override args = {
    name: Args.string({description: 'cluster name', required: true}),
  }

  static override description = 'Delete a local cluster: stops its reconciler, removes its state and its context.'

  static override examples = ['<%= config.bin %> cluster delete dev']

  static override summary = 'Delete a local cluster'

  async run(): Promise<void> {
    const {args} = await this.parse(ClusterDelete)
    if (clusterExists(args.name)) {
      const {stopReconcilerBeforeDelete} = await import('../../reconciler/spawn.js')
      await stopReconcilerBeforeDelete(args.name)
    }
    await deleteCluster(args.name)
    this.out(`Deleted cluster "${args.name}".\n`)
  }
}
