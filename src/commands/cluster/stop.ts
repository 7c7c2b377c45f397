import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {listClusters} from '../../cluster/clusters.js'

export default defineCommand({
  summary: "Stop a cluster's reconciler",
  description:
    "Stop a cluster's reconciler: it finishes the pass in progress, gives up its lease and exits. Pods keep their state; the next command that changes the cluster starts it again (a read does not, until something has changed).",
  examples: ['<%= config.bin %> cluster stop', '<%= config.bin %> cluster stop dev', '# Stop the reconciler of every cluster\n<%= config.bin %> cluster stop --all'],
  args: {
    name: Args.string({description: "cluster name (default: the current context's cluster)"}),
  },
  flags: {
    all: Flags.boolean({description: 'Stop the reconciler of every cluster.', default: false}),
    timeout: Flags.integer({description: 'Seconds to wait for a reconciler to exit before killing it.', default: 10, min: 0}),
  },
  async run(cmd, {args, flags}) {
    if (flags.all && args.name) throw new CliError('a cluster name cannot be provided when --all is specified')
    const names = flags.all ? listClusters() : [await cmd.existingCluster(args.name, flags)]
    const {stopReconciler} = await import('../../reconciler/spawn.js')
    for (const name of names) {
      const r = await stopReconciler(name, {timeoutMs: flags.timeout * 1000})
      if (r.wasRunning) cmd.out(`Reconciler of cluster "${name}" ${r.killed ? 'killed' : 'stopped'} (pid ${r.pid}).\n`)
      else if (!flags.all) cmd.out(`Reconciler of cluster "${name}" is not running.\n`)
      if (r.containersKilled) cmd.out(`Killed ${r.containersKilled} process${r.containersKilled === 1 ? '' : 'es'} of cluster "${name}" (containers and pod sandboxes).\n`)
    }
  },
})
