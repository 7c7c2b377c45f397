import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {reconcilerLog} from '../../config/paths.js'

export default defineCommand({
  summary: "Start a cluster's reconciler",
  description:
    "Start a cluster's reconciler in the background if it is not running. Commands that change the cluster start it by themselves; it exits after a while with nothing to do.",
  examples: ['<%= config.bin %> cluster start', '<%= config.bin %> cluster start dev'],
  args: {
    name: Args.string({description: "cluster name (default: the current context's cluster)"}),
  },
  async run(cmd, {args, flags}) {
    const name = await cmd.existingCluster(args.name, flags)
    const {ensureReconciler} = await import('../../reconciler/spawn.js')
    const r = await ensureReconciler(name, {waitMs: 5000})
    if (r.pid === undefined) throw new CliError(`the reconciler of cluster "${name}" did not start; see ${reconcilerLog(name)}`)
    cmd.out(r.started ? `Reconciler of cluster "${name}" started (pid ${r.pid}).\n` : `Reconciler of cluster "${name}" is already running (pid ${r.pid}).\n`)
  },
})
