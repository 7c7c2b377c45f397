import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'
import {createGenerated} from '../../cli/verbs/create-generated.js'
import {newNode} from '../../cli/verbs/create-node.js'
import {printFlags} from '../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a simulated node',
  description: "Create a simulated node with the specified name. It registers Ready, with the cluster's node capacity unless --cpu or --memory say otherwise, and its kubelet starts heartbeating.",
  examples: [
    '# Create a node named ksim-worker3\n<%= config.bin %> create node ksim-worker3',
    '# A bigger node with a label and a taint\n<%= config.bin %> create node big --cpu 16 --memory 64Gi --labels disk=ssd --taints dedicated=db:NoSchedule',
  ],
  args: {
    name: Args.string({description: 'node name'}),
  },
  flags: {
    cpu: Flags.string({description: 'CPU capacity (a quantity, e.g. 4 or 3500m).'}),
    'dry-run': dryRunFlag,
    labels: Flags.string({description: 'Comma-separated labels to add, key=value.'}),
    memory: Flags.string({description: 'Memory capacity (a quantity, e.g. 8Gi).'}),
    ...printFlags,
    taints: Flags.string({description: 'Comma-separated taints, key=value:Effect or key:Effect.'}),
  },
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const {target, api} = await cmd.open(flags)
    const node = newNode(api, argv[0], {cpu: flags.cpu, memory: flags.memory, labels: flags.labels, taints: flags.taints})
    createGenerated(flags['dry-run'] === 'client' ? undefined : api, target, node, flags, cmd.sinks())
  },
})
