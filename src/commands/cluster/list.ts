import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {plainTable} from '../../cli/print/plain-table.js'
import {listClusters} from '../../cluster/clusters.js'
import {ksimClusterOf, readConfig} from '../../config/contexts.js'
import {field} from '../../config/kubeconfig.js'

// one row: what the cluster holds and whether its reconciler runs, read without writing anything
async function clusterRow(name: string, current: string | undefined): Promise<string[]> {
  const {readClusterSummary} = await import('../../reconciler/status.js')
  const row = [name === current ? '*' : '', name]
  const s = readClusterSummary(name)
  return s ? [...row, String(s.nodes), String(s.pods), s.running ? 'running' : 'stopped'] : [...row, '<unknown>', '<unknown>', '<unknown>']
}

export default defineCommand({
  summary: 'List local clusters',
  description:
    "List the local clusters: the current one (the current context's cluster) marked with *, their nodes and pods, and whether their reconciler runs. -o name prints one name per line.",
  examples: ['<%= config.bin %> cluster list', '# One name per line, for scripts\n<%= config.bin %> cluster list -o name'],
  flags: {
    output: Flags.string({char: 'o', description: 'Output format. One of: (name).', options: ['name']}),
  },
  async run(cmd, {flags}) {
    const names = listClusters()
    if (names.length === 0) {
      cmd.stderrLine('No clusters found.')
      return
    }
    if (flags.output === 'name') {
      cmd.out(names.map((n) => `${n}\n`).join(''))
      return
    }
    const cfg = readConfig()
    const ctx = cfg.contexts.get(cfg.currentContext)
    const k = ctx ? ksimClusterOf(cfg, field(ctx, 'cluster')) : undefined
    const current = k && 'cluster' in k ? k.cluster : undefined
    const rows = await Promise.all(names.map((n) => clusterRow(n, current)))
    cmd.out(plainTable(rows, ['CURRENT', 'NAME', 'NODES', 'PODS', 'RECONCILER']))
  },
})
