// `cordon` and `uncordon`: one command in two directions, as kubectl builds both from its drain options;
// `node stop` and `node start`, likewise one command (the kubelet stopped or started).
import {Args} from '@oclif/core'

import {defineCommand, type CommandHelp} from '../define-command.js'
import {chooseNodes, cordonNode, nodeSelectorFlag, setKubeletStopped, validateNodeArgs} from './cordon.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'

/** `cordon` (true) or `uncordon` (false), with its help: NODE... or `-l`, each node marked and printed. */
export function cordonCommand(cordon: boolean, help: CommandHelp & {usage: string}) {
  return defineCommand({
    ...help,
    args: {node: Args.string({description: 'node name'})},
    flags: {'dry-run': dryRunFlag, selector: nodeSelectorFlag},
    // NODE may be given several times
    strict: false,
    async run(cmd, {argv, flags}) {
      validateNodeArgs(argv, flags.selector, help.usage)
      const {api} = await cmd.open(flags)
      const nodes = chooseNodes(api, argv, flags.selector)
      for (const node of nodes) cmd.out(cordonNode(api, node, cordon, flags['dry-run']))
      cmd.wrote = flags['dry-run'] === 'none' && nodes.length > 0
    },
  })
}

/** `node stop` (true) or `node start` (false), with its help: the node's kubelet stopped or started again. */
export function kubeletCommand(stopped: boolean, help: CommandHelp) {
  return defineCommand({
    ...help,
    args: {name: Args.string({description: 'node name'})},
    writes: () => true,
    async run(cmd, {args, flags}) {
      if (!args.name) throw new CliError('exactly one NODE name is required', true)
      const {api} = await cmd.open(flags)
      const line = setKubeletStopped(api, args.name, stopped)
      cmd.out(line)
      if (stopped && !line.includes(' already ')) {
        const {defaultProfile} = await import('../../api/cluster-profile.js')
        const grace = (api.profile() ?? defaultProfile).nodeMonitorGracePeriodSeconds
        cmd.stderrLine(
          `The node stays Ready until its last heartbeat is older than the node monitor grace period (${grace}s); then it becomes NotReady and is tainted unreachable, and its pods are evicted once their tolerations run out (300s by default).`,
        )
      }
    },
  })
}
