import {Args} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {cordonNode} from '../cli/cordon-run.js'

export default class Uncordon extends KsimCommand {
  static override args = {
    node: Args.string({description: 'node name'}),
  }

  static override description = 'Mark node as schedulable.'

  static override examples = ['# Mark node "foo" as schedulable\n<%= config.bin %> uncordon foo']

  static override summary = 'Mark node as schedulable'

  static override usage = 'uncordon NODE'

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Uncordon)
    if (!args.node) throw new CliError('USAGE: uncordon NODE [flags]', true)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.out(cordonNode(api, args.node, false))
    await this.ensureReconcilerRunning(target)
  }
}
