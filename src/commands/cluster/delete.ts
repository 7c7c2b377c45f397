import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {clusterExists, deleteCluster} from '../../cluster/clusters.js'

export default defineCommand({
  summary: 'Delete a local cluster',
  description: 'Delete a local cluster: stops its reconciler, removes its state and its context.',
  examples: ['<%= config.bin %> cluster delete dev'],
  args: {
    name: Args.string({description: 'cluster name', required: true}),
  },
  async run(cmd, {args}) {
    if (clusterExists(args.name)) {
      const {stopReconcilerBeforeDelete} = await import('../../reconciler/spawn.js')
      await stopReconcilerBeforeDelete(args.name)
    }
    await deleteCluster(args.name)
    cmd.out(`Deleted cluster "${args.name}".\n`)
  },
})
