import {Args} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {cordonNode} from '../cli/cordon-run.js'

export default class Cordon extends KsimCommand {
  static override args = {
    node: Args.string({description: 'node name'}),
  }

  static override description = 'Mark node as unschedulable.'

  static override examples = ['# Mark node "foo" as unschedulable\n<%= config.bin %> cordon foo']

  static override summary = 'Mark node as unschedulable'

  static override usage = 'cordon NODE'

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Cordon)
    if (!args.node) throw new CliError('USAGE: cordon NODE [flags]', true)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.out(cordonNode(api, args.node, true))
    await this.ensureReconcilerRunning(target)
  }
}
