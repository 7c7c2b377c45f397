import {Flags} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {parseDuration} from '../../cli/duration-flag.js'

export default class ReconcilerRun extends KsimCommand {
  static override description =
    "Run a cluster's reconciler in the foreground (for debugging), logging to stderr as well as to the cluster's reconciler.log. Exits on SIGTERM or Ctrl-C, after the idle timeout, or at once when another reconciler already holds the cluster's lease."

  static override examples = ['<%= config.bin %> reconciler run', '<%= config.bin %> reconciler run --cluster dev --idle-timeout 0']

  static override flags = {
    cluster: Flags.string({description: "The cluster to reconcile (default: the current context's cluster)."}),
    'idle-timeout': Flags.string({description: "Exit after this long with nothing pending (e.g. 30s, 5m; 0 never). Default: the cluster's setting."}),
    'log-to-stderr': Flags.boolean({description: 'Also write the log to stderr.', default: true, allowNo: true, hidden: true}),
  }

  static override hidden = true

  static override summary = "Run a cluster's reconciler in the foreground"

  async run(): Promise<void> {
    const {flags} = await this.parse(ReconcilerRun)
    const cluster = await this.existingCluster(flags.cluster, flags)
    const idleMs = flags['idle-timeout'] === undefined ? undefined : parseDuration(flags['idle-timeout'], 'idle-timeout')
    const {runReconciler} = await import('../../reconciler/main.js')
    const result = await runReconciler({cluster, idleMs, logToStderr: flags['log-to-stderr']})
    if (result.exitCode !== 0) process.exitCode = result.exitCode
  }
}
