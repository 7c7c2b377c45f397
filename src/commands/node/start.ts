import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {setKubeletStopped} from '../../cli/verbs/cordon.js'

export default class NodeStart extends KsimCommand {
  static override args = {
    name: Args.string({description: 'node name'}),
  }

  static override description = "Start a node's kubelet again: it heartbeats, the node becomes Ready, and the kubelet reconciles the pods it finds bound to the node (finishing those deleted meanwhile)."

  static override examples = ['# Bring node ksim-worker back\n<%= config.bin %> node start ksim-worker']

  static override summary = "Start a stopped node's kubelet"

  static override writes = (): boolean => true

  async run(): Promise<void> {
    const {args, flags} = await this.parse(NodeStart)
    if (!args.name) throw new CliError('exactly one NODE name is required', true)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.out(setKubeletStopped(api, args.name, false))
  }
}
