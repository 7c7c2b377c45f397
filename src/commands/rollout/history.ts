import {Flags} from '@oclif/core'

import {rolloutArgs, RolloutCommand, rolloutFlags} from '../../cli/verbs/rollout-command.js'
import {CliError} from '../../cli/errors.js'
import {historyText} from '../../cli/verbs/rollout.js'

export default class RolloutHistory extends RolloutCommand {
  static override args = rolloutArgs

  static override description = 'View previous rollout revisions and configurations.'

  static override examples = ['# View the rollout history of a deployment\n<%= config.bin %> rollout history deployment/abc']

  static override flags = {
    ...rolloutFlags,
    revision: Flags.integer({description: 'See the details, including podTemplate of the revision specified', default: 0}),
  }

  static override strict = false

  static override summary = 'View rollout history'

  static override usage = 'rollout history (TYPE NAME | TYPE/NAME) [flags]'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutHistory)
    if (argv.length === 0 && (flags.filename ?? []).length === 0) throw new CliError('required resource not specified')
    if (flags.revision < 0) throw new CliError(`revision must be a positive integer: ${flags.revision}`)
    const {api, found} = await this.select(argv, flags)
    const errors = [...found.errors]
    for (const t of found.targets) {
      try {
        this.out(historyText(api, t, flags.revision))
      } catch (error) {
        errors.push(error)
      }
    }
    this.fail(errors)
  }
}
