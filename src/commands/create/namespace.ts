import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'

export default class CreateNamespace extends KsimCommand {
  static override aliases = ['create:ns']

  static override args = {
    name: Args.string({description: 'namespace name'}),
  }

  static override description = 'Create a namespace with the specified name.'

  static override examples = ['# Create a new namespace named my-namespace\n<%= config.bin %> create namespace my-namespace']

  static override flags = {
    'dry-run': dryRunFlag,
    output: Flags.option({char: 'o', options: ['name', 'yaml', 'json'] as const, description: 'Output format. One of: (json, yaml, name).'})(),
  }

  static override summary = 'Create a namespace with the specified name'

  static override strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(CreateNamespace)
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const target = await this.target(flags)
    await this.createGenerated(target, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: String(argv[0])}}, flags['dry-run'], flags.output)
  }
}
