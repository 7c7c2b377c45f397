import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {setKubeletStopped} from '../../cli/verbs/cordon.js'

export default class NodeStop extends KsimCommand {
  static override args = {
    name: Args.string({description: 'node name'}),
  }

  static override description = "Stop a node's kubelet: it stops heartbeating and working its pods (their simulated containers keep running, unseen). After the node monitor grace period the node becomes NotReady and is tainted unreachable; its pods are evicted when their tolerations run out."

  static override examples = ['# Simulate the failure of node ksim-worker\n<%= config.bin %> node stop ksim-worker']

  static override summary = "Stop a node's kubelet (simulate a node failure)"

  static override writes = (): boolean => true

  async run(): Promise<void> {
    const {args, flags} = await this.parse(NodeStop)
    if (!args.name) throw new CliError('exactly one NODE name is required', true)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    const line = setKubeletStopped(api, args.name, true)
    this.out(line)
    if (!line.includes(' already ')) {
      const {defaultProfile} = await import('../../api/cluster-profile.js')
      const grace = (api.profile() ?? defaultProfile).nodeMonitorGracePeriodSeconds
      this.stderrLine(
        `The node stays Ready until its last heartbeat is older than the node monitor grace period (${grace}s); then it becomes NotReady and is tainted unreachable, and its pods are evicted once their tolerations run out (300s by default).`,
      )
    }
  }
}
