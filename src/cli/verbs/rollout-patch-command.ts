// pause, resume and restart: the same patch-and-print loop with a different change.
import {defineCommand, type CommandHelp} from '../define-command.js'
import {printFlags} from '../print/print-flags.js'
import {rolloutArgs, rolloutErrors, rolloutFlags, selectRollout} from './rollout-command.js'
import {runPatchRollout, type RolloutOp} from './rollout.js'

/** `rollout pause`, `resume` or `restart` (`op`), with its help. */
export function rolloutPatchCommand(op: RolloutOp, help: CommandHelp) {
  return defineCommand({
    ...help,
    args: rolloutArgs,
    flags: {...rolloutFlags, ...printFlags},
    strict: false,
    async run(cmd, {argv, flags}) {
      const {api, target, found} = await selectRollout(cmd, argv, flags)
      const {written, errors} = runPatchRollout(api, found, op, flags, cmd.sinks(), target.namespace)
      cmd.wrote = written > 0
      return rolloutErrors(errors, cmd.id)
    },
  })
}
