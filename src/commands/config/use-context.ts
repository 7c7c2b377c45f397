import {Args} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'

export default class UseContext extends KsimCommand {
  static override aliases = ['config:use']

  static override args = {
    name: Args.string({description: 'context name', required: true}),
  }

  static override description = 'Set the current-context in the ksim config.'

  static override examples = ['# Use the context for the dev cluster\n<%= config.bin %> config use-context dev']

  static override summary = 'Set the current-context'

  async run(): Promise<void> {
    const {args} = await this.parse(UseContext)
    await updateConfig((cfg) => {
      if (!cfg.contexts.has(args.name)) throw new CliError(`no context exists with the name: "${args.name}"`)
      cfg.currentContext = args.name
    })
    this.out(`Switched to context "${args.name}".\n`)
  }
}
