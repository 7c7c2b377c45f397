import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {rolloutArgs, rolloutErrors, rolloutFlags, selectRollout} from '../../cli/verbs/rollout-command.js'
import {CliError} from '../../cli/errors.js'
import {historyText} from '../../cli/verbs/rollout.js'

export default defineCommand({
  summary: 'View rollout history',
  description: 'View previous rollout revisions and configurations.',
  examples: ['# View the rollout history of a deployment\n<%= config.bin %> rollout history deployment/abc'],
  usage: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  args: rolloutArgs,
  flags: {
    ...rolloutFlags,
    revision: Flags.integer({description: 'See the details, including podTemplate of the revision specified', default: 0}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    if (argv.length === 0 && (flags.filename ?? []).length === 0) throw new CliError('required resource not specified')
    if (flags.revision < 0) throw new CliError(`revision must be a positive integer: ${flags.revision}`)
    const {api, found} = await selectRollout(cmd, argv, flags)
    const errors = [...found.errors]
    for (const t of found.targets) {
      try {
        cmd.out(historyText(api, t, flags.revision))
      } catch (error) {
        errors.push(error)
      }
    }
    return rolloutErrors(errors, cmd.id)
  },
})
