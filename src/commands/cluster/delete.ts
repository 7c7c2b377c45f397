import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {clusterExists, deleteCluster} from '../../cluster/clusters.js'
import {isStoreError} from '../../store/errors.js'

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
      const {stopReconciler} = await import('../../reconciler/spawn.js')
      try {
        await stopReconciler(args.name)
      } catch (error) {
        // a corrupt state file has no lease to read (and no reconciler can run on it): delete it all the same
        if (!isStoreError(error, 'Corrupt')) throw error
      }
    }
    await deleteCluster(args.name)
    this.out(`Deleted cluster "${args.name}".\n`)
  }
}
