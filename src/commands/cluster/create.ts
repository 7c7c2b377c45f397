import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError, FlagError} from '../../cli/errors.js'
import {parseDuration} from '../../cli/duration-flag.js'

export default defineCommand({
  summary: 'Create a local cluster',
  description: 'Create a local cluster: a state file with the system namespaces and Ready nodes, and a context of the same name, which becomes the current context.',
  examples: [
    '# A cluster with the default three nodes\n<%= config.bin %> cluster create dev',
    '# Five small nodes that notice a dead kubelet after 10 seconds\n<%= config.bin %> cluster create small --nodes 5 --node-cpu 2 --node-memory 4Gi --node-monitor-grace-period 10s',
    '# One node whose pods run their commands as local processes\n<%= config.bin %> cluster create lab --nodes 1 --runtime process',
    '# Six nodes over three zones (zone-a, zone-b, zone-c)\n<%= config.bin %> cluster create zonal --nodes 6 --zones 3',
  ],
  args: {
    name: Args.string({description: 'cluster name (also the name of its context)', required: true}),
  },
  flags: {
    'allow-privileged': Flags.boolean({description: 'If true, allow privileged containers (kube-apiserver --allow-privileged).', default: true, allowNo: true}),
    'max-pods': Flags.integer({description: 'Number of pods each node can run.', default: 110, min: 1}),
    'node-cpu': Flags.string({description: 'CPU capacity of each node (a Kubernetes quantity).', default: '4'}),
    'node-memory': Flags.string({description: 'Memory capacity of each node (a Kubernetes quantity).', default: '8Gi'}),
    'node-monitor-grace-period': Flags.string({description: 'How long a node may go without a heartbeat before it is marked unhealthy (kube-controller-manager flag).', default: '50s'}),
    'terminated-pod-gc-threshold': Flags.integer({description: 'Number of terminated pods that can exist before the terminated pod garbage collector starts deleting terminated pods. If <= 0, the terminated pod garbage collector is disabled (kube-controller-manager flag).', default: 12500}),
    runtime: Flags.string({description: "The container runtime of pods that name no RuntimeClass: 'simulated' (containers are timings only) or 'process' (each container's command runs as a local process; the RuntimeClass ksim-process chooses it per pod).", options: ['simulated', 'process'], default: 'simulated'}),
    nodes: Flags.integer({description: 'Number of nodes (the first is the control plane).', default: 3, min: 1, max: 1000}),
    zones: Flags.integer({description: 'Spread the nodes round-robin over this many zones (zone-a, zone-b, ...): topology.kubernetes.io/zone and /region labels. 0: no zone labels.', default: 0, min: 0, max: 26}),
  },
  async run(cmd, {args, flags}) {
    const {parseQuantity} = await import('../../machinery/quantity.js')
    for (const f of ['node-cpu', 'node-memory'] as const) {
      if (!parseQuantity(flags[f])) throw new FlagError(`invalid argument "${flags[f]}" for "--${f}" flag: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)
    }
    const grace = parseDuration(flags['node-monitor-grace-period'], 'node-monitor-grace-period')
    const {createCluster} = await import('../../cluster/clusters.js')
    const profile = await createCluster(
      args.name,
      {
        nodes: flags.nodes,
        nodeCpu: flags['node-cpu'],
        nodeMemory: flags['node-memory'],
        maxPods: flags['max-pods'],
        allowPrivileged: flags['allow-privileged'],
        nodeMonitorGracePeriodSeconds: grace / 1000,
        terminatedPodGCThreshold: flags['terminated-pod-gc-threshold'],
        ...(flags.zones > 0 ? {zones: flags.zones} : {}),
        ...(flags.runtime === 'process' ? {defaultRuntimeHandler: 'process'} : {}),
      },
      {use: true},
    )
    cmd.out(`Cluster "${profile.name}" created with ${profile.nodes} node${profile.nodes === 1 ? '' : 's'}.\nSwitched to context "${profile.name}".\n`)
  },
})
