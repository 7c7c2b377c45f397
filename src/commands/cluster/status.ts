import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {plainTable} from '../../cli/print/plain-table.js'
import {humanDuration} from '../../machinery/duration.js'
import type {ClusterStatus} from '../../reconciler/status.js'

// the status block: one `Label: value` line per fact, values aligned
function formatClusterStatus(s: ClusterStatus, now: Date): string {
  const r = s.reconciler
  const since = (t: string | undefined) => (t ? humanDuration(now.getTime() - Date.parse(t)) : '<unknown>')
  const reconciler = r.alive ? `running (pid ${r.pid}, up ${since(r.acquireTime)})` : 'stopped'
  const lease = r.holder ? `${r.holder}, renewed ${since(r.renewTime)} ago${r.alive ? '' : ' (expired)'}` : '<none>'
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const rows: [string, string][] = [
    ['Cluster', s.cluster],
    ['State file', s.stateFile],
    ['Log', s.logFile],
    ['Reconciler', reconciler],
    ['Lease', lease],
    ['Pods', `${s.pods.total} (${s.pods.pending} Pending, ${s.pods.terminating} Terminating)`],
    ['Nodes', `${plural(s.nodes.total, 'node')}, ${s.nodes.ready} Ready${stoppedKubelets(s.nodes.kubeletStopped)}`],
  ]
  return plainTable(rows.map(([k, v]) => [`${k}:`, v]))
}

// a stopped kubelet's node still says Ready until the node monitor grace period passes: name it
function stoppedKubelets(names: string[]): string {
  if (names.length === 0) return ''
  return `, ${names.length} with kubelet stopped (${names.join(', ')})`
}

export default defineCommand({
  summary: "Show a cluster's reconciler and pending work",
  description: "Show a cluster's state file, its reconciler (pid, uptime, lease) and the work waiting for it.",
  examples: ['<%= config.bin %> cluster status', '<%= config.bin %> cluster status dev'],
  args: {
    name: Args.string({description: "cluster name (default: the current context's cluster)"}),
  },
  async run(cmd, {args, flags}) {
    const name = await cmd.existingCluster(args.name, flags)
    const {readClusterStatus} = await import('../../reconciler/status.js')
    const now = new Date()
    cmd.out(formatClusterStatus(readClusterStatus(name, now), now))
  },
})
