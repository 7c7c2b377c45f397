import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {rolloutArgs, rolloutErrors, rolloutFlags, selectRollout} from '../../cli/verbs/rollout-command.js'
import {dryRunFlag} from '../../cli/flags.js'
import {printFlags, printerFor, printOptionsOf} from '../../cli/print/print-flags.js'
import {rollback} from '../../cli/verbs/rollout.js'

export default defineCommand({
  summary: 'Undo a previous rollout',
  description: 'Roll back to a previous rollout.',
  examples: [
    '# Roll back to the previous deployment\n<%= config.bin %> rollout undo deployment/abc',
    '# Roll back to the previous deployment with dry-run\n<%= config.bin %> rollout undo --dry-run=server deployment/abc',
  ],
  usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  args: rolloutArgs,
  flags: {
    ...rolloutFlags,
    'dry-run': dryRunFlag,
    ...printFlags,
    'to-revision': Flags.integer({description: 'The revision to rollback to. Default to 0 (last revision).', default: 0}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const {api, found} = await selectRollout(cmd, argv, flags)
    const errors = [...found.errors]
    let changed = false
    for (const t of found.targets) {
      try {
        const result = rollback(api, t, flags['to-revision'], flags['dry-run'])
        changed ||= result === 'rolled back' && flags['dry-run'] === 'none'
        // kubectl makes a printer per object (its operation is the result): no `---` between YAML documents
        const printer = printerFor(flags.output, {operation: result, dryRun: flags['dry-run'], ...printOptionsOf(flags)})
        cmd.out(printer.print(flags.output === 'yaml' || flags.output === 'json' ? api.get(t.rt, t.obj.metadata.namespace ?? '', t.obj.metadata.name!) : t.obj))
      } catch (error) {
        errors.push(error)
      }
    }
    cmd.wrote = changed
    return rolloutErrors(errors, cmd.id)
  },
})
