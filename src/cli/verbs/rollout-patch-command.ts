// pause, resume and restart: the same patch-and-print loop with a different change.
import {KsimCommand} from '../base-command.js'
import {rolloutArgs, RolloutCommand, rolloutFlags} from './rollout-command.js'
import {outputFlag} from '../print/print-flags.js'
import {runPatchRollout} from './rollout.js'

/** The base of `rollout pause`, `resume` and `restart`. */
export abstract class RolloutPatchCommand extends RolloutCommand {
  static override args = rolloutArgs

  static override flags = {...rolloutFlags, output: outputFlag}

  static override strict = false

  /** which change */
  protected abstract readonly op: 'pause' | 'resume' | 'restart'

  async run(): Promise<void> {
    // oclif's parse spreads the class it is given, which drops inherited statics: name them
    const {argv, flags} = await this.parse({args: RolloutPatchCommand.args, flags: RolloutPatchCommand.flags, baseFlags: KsimCommand.baseFlags, strict: false})
    const {api, target, found} = await this.select(argv, flags)
    const {written, errors} = runPatchRollout(api, found, {op: this.op, output: flags.output, now: api.clock.now(), out: (s) => this.out(s)}, (line) => this.stderrLine(line), target.namespace)
    this.wrote = written > 0
    this.fail(errors)
  }
}
