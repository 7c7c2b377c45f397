import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'

export default class CreateServiceAccount extends KsimCommand {
  static override aliases = ['create:sa']

  static override args = {
    name: Args.string({description: 'service account name'}),
  }

  static override description = 'Create a service account with the specified name.'

  static override examples = ['# Create a new service account named my-service-account\n<%= config.bin %> create serviceaccount my-service-account']

  static override flags = {
    'dry-run': dryRunFlag,
    output: Flags.option({char: 'o', options: ['name', 'yaml', 'json'] as const, description: 'Output format. One of: (json, yaml, name).'})(),
  }

  static override summary = 'Create a service account with the specified name'

  static override strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(CreateServiceAccount)
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const target = await this.target(flags)
    await this.createGenerated(target, {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: String(argv[0]), namespace: target.namespace}}, flags['dry-run'], flags.output)
  }
}
