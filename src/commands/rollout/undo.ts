import {Flags} from '@oclif/core'

import {rolloutArgs, RolloutCommand, rolloutFlags, rolloutOutputFlag} from '../../cli/rollout-command.js'
import {dryRunFlag, dryRunSuffix} from '../../cli/flags.js'
import {nameKind} from '../../api/registry.js'
import {formatObjects} from '../../cli/print-objects.js'
import {rollback} from '../../cli/rollout-run.js'

export default class RolloutUndo extends RolloutCommand {
  static override args = rolloutArgs

  static override description = 'Roll back to a previous rollout.'

  static override examples = [
    '# Roll back to the previous deployment\n<%= config.bin %> rollout undo deployment/abc',
    '# Roll back to the previous deployment with dry-run\n<%= config.bin %> rollout undo --dry-run=server deployment/abc',
  ]

  static override flags = {
    ...rolloutFlags,
    'dry-run': dryRunFlag,
    output: rolloutOutputFlag,
    'to-revision': Flags.integer({description: 'The revision to rollback to. Default to 0 (last revision).', default: 0}),
  }

  static override strict = false

  static override summary = 'Undo a previous rollout'

  static override usage = 'rollout undo (TYPE NAME | TYPE/NAME) [flags]'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutUndo)
    const {api, target, found} = await this.select(argv, flags)
    const errors = [...found.errors]
    let changed = false
    for (const t of found.targets) {
      try {
        const result = rollback(api, t, flags['to-revision'], flags['dry-run'])
        changed ||= result === 'rolled back' && flags['dry-run'] === 'none'
        if (flags.output === 'yaml' || flags.output === 'json') this.out(formatObjects([api.get(t.rt, t.obj.metadata.namespace ?? '', t.obj.metadata.name!)], flags.output))
        else this.out(`${nameKind(t.rt)}/${t.obj.metadata.name}${flags.output === 'name' ? '' : ` ${result}${dryRunSuffix(flags['dry-run'])}`}\n`)
      } catch (error) {
        errors.push(error)
      }
    }
    if (changed) await this.ensureReconcilerRunning(target)
    this.fail(errors)
  }
}
