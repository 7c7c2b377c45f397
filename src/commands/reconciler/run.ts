import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {parseDuration} from '../../cli/duration-flag.js'

export default defineCommand({
  summary: "Run a cluster's reconciler in the foreground",
  description:
    "Run a cluster's reconciler in the foreground (for debugging), logging to stderr as well as to the cluster's reconciler.log. Exits on SIGTERM or Ctrl-C, after the idle timeout, or at once when another reconciler already holds the cluster's lease.",
  examples: ['<%= config.bin %> reconciler run', '<%= config.bin %> reconciler run --cluster dev --idle-timeout 0'],
  hidden: true,
  flags: {
    cluster: Flags.string({description: "The cluster to reconcile (default: the current context's cluster)."}),
    'idle-timeout': Flags.string({description: "Exit after this long with nothing pending (e.g. 30s, 5m; 0 never). Default: the cluster's setting."}),
    'log-to-stderr': Flags.boolean({description: 'Also write the log to stderr.', default: true, allowNo: true, hidden: true}),
  },
  async run(cmd, {flags}) {
    const cluster = await cmd.existingCluster(flags.cluster, flags)
    const idleMs = flags['idle-timeout'] === undefined ? undefined : parseDuration(flags['idle-timeout'], 'idle-timeout')
    const {runReconciler} = await import('../../reconciler/main.js')
    const result = await runReconciler({cluster, idleMs, logToStderr: flags['log-to-stderr']})
    if (result.exitCode !== 0) process.exitCode = result.exitCode
  },
})
