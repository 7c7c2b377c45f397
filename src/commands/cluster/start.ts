import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {reconcilerLog} from '../../config/paths.js'

export default class ClusterStart extends KsimCommand {
  static override args = {
    name: Args.string({description: "cluster name (default: the current context's cluster)"}),
  }

  static override description =
    "Start a cluster's reconciler in the background if it is not running. Commands that change the cluster start it by themselves; it exits after a while with nothing to do."

  static override examples = ['<%= config.bin %> cluster start', '<%= config.bin %> cluster start dev']

  static override summary = "Start a cluster's reconciler"

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterStart)
    const name = await this.existingCluster(args.name, flags)
    const {ensureReconciler} = await import('../../reconciler/spawn.js')
    const r = await ensureReconciler(name, {waitMs: 5000})
    if (r.pid === undefined) throw new CliError(`the reconciler of cluster "${name}" did not start; see ${reconcilerLog(name)}`)
    this.out(r.started ? `Reconciler of cluster "${name}" started (pid ${r.pid}).\n` : `Reconciler of cluster "${name}" is already running (pid ${r.pid}).\n`)
  }
}
