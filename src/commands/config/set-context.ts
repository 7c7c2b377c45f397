import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {readConfig, updateConfig} from '../../config/contexts.js'

export default class SetContext extends KsimCommand {
  static override args = {
    name: Args.string({description: 'context name'}),
  }

  static override description = 'Set a context entry in the ksim config.\n\nSpecifying a name that already exists will merge new fields on top of existing values for those fields.'

  static override examples = [
    '# Set the namespace of the current context\n<%= config.bin %> config set-context --current --namespace=kube-system',
    '# Point a new context at an existing cluster\n<%= config.bin %> config set-context dev-sys --cluster=dev --namespace=kube-system',
  ]

  static override flags = {
    cluster: Flags.string({description: 'cluster for the context entry in ksim config'}),
    current: Flags.boolean({description: 'Modify the current context', default: false}),
  }

  static override summary = 'Set a context entry in ksim config'

  async run(): Promise<void> {
    const {args, flags} = await this.parse(SetContext)
    const cfg = readConfig()
    if (flags.current && args.name) throw new CliError('you cannot specify both a context name and --current', true)
    const name = flags.current ? cfg.currentContext : args.name
    if (!name) throw new CliError(flags.current ? 'no current context is set' : 'you must specify a non-empty context name or --current', true)
    const exists = Boolean(cfg.contexts[name])
    if (!exists && !flags.cluster) throw new CliError(`context "${name}" does not exist; pass --cluster to create it`)
    await updateConfig((c) => {
      const entry = c.contexts[name] ?? {cluster: flags.cluster!}
      if (flags.cluster) entry.cluster = flags.cluster
      if (flags.namespace !== undefined) {
        if (flags.namespace === '') delete entry.namespace
        else entry.namespace = flags.namespace
      }
      c.contexts[name] = entry
    })
    this.out(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`)
  }
}
