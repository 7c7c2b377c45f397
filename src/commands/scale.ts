import {Args, Flags} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {dryRunFlag, selectorFlag} from '../cli/flags.js'
import {runScale} from '../cli/verbs/scale.js'
import {outputFlag} from '../cli/print/print-flags.js'

export default class Scale extends KsimCommand {
  static override args = {
    resource: Args.string({description: 'TYPE NAME, TYPE/NAME, or TYPE with -l/--all'}),
  }

  static override description = "Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server."

  static override examples = [
    "# Scale a replica set named 'foo' to 3\n<%= config.bin %> scale --replicas=3 rs/foo",
    "# If the deployment named mysql's current size is 2, scale mysql to 3\n<%= config.bin %> scale --current-replicas=2 --replicas=3 deployment/mysql",
  ]

  static override flags = {
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types', default: false}),
    'current-replicas': Flags.integer({description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.', default: -1}),
    'dry-run': dryRunFlag,
    output: outputFlag,
    replicas: Flags.integer({description: 'The new desired number of replicas. Required.'}),
    selector: selectorFlag,
  }

  static override strict = false

  static override summary = 'Set a new size for a deployment, replica set, or replication controller'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scale)
    if (flags.replicas === undefined) throw new CliError('required flag(s) "replicas" not set')
    if (flags.replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
    const target = await this.target(flags)
    const api = await this.openApi(target)
    const errors = runScale(api, target, {
      args: argv as string[],
      all: flags.all,
      selector: flags.selector,
      replicas: flags.replicas,
      currentReplicas: flags['current-replicas'],
      dryRun: flags['dry-run'],
      output: flags.output,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
