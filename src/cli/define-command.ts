// The one way to define a ksim command: a spec with the help texts, args, flags, `writes` and a run
// function, from which defineCommand builds the oclif command class (each file in src/commands exports one
// as its default). The boilerplate every command had (static fields, parse, failOn) is written here once.
//
//   export default defineCommand({
//     summary: 'Display one or many resources', description: '…', examples: ['…'],
//     args: getArgs, flags: getFlags, strict: false,
//     async run(cmd, {argv, flags}) { … return errors },
//   })
//
// The help texts and declarations become the class's statics, which oclif's help and its manifest read as
// before; the run gets the base command (open, target, openApi, sinks, …) and the parsed input, whose flags are
// inferred from the declarations. The errors it returns are printed by the base command, with exit 1.
import type {Interfaces} from '@oclif/core'

import {KsimCommand} from './base-command.js'
import {positionalWords} from './positional-order.js'

type BaseFlags = typeof KsimCommand.baseFlags

/** What oclif's help shows of a command (kubectl's Use, Short, Long and Example). */
export interface CommandHelp {
  summary: string
  description: string
  examples?: string[]
  usage?: string
  aliases?: string[]
  hidden?: boolean
}

/** A command's parsed input: its args, all positional arguments (argv) and its flags with the global ones. */
export interface CommandInput<F extends Interfaces.FlagInput, A extends Interfaces.ArgInput> {
  args: Interfaces.InferredArgs<A>
  argv: string[]
  flags: Interfaces.InferredFlags<F & BaseFlags>
}

/** What a run returns: the lines of the errors it found (printed by the base command, exit 1), or nothing. */
export type RunResult = readonly string[] | void

export interface CommandSpec<F extends Interfaces.FlagInput, A extends Interfaces.ArgInput> extends CommandHelp {
  args?: A
  flags?: F
  /** false: any number of positional arguments (argv), refused in kubectl's words by the run */
  strict?: boolean
  /** whether the command wrote, given its flags: the base then starts the reconciler (see KsimCommand.writes) */
  writes?: (flags: Record<string, unknown>) => boolean
  run(cmd: KsimCommand, input: CommandInput<F, A>): RunResult | Promise<RunResult>
}

/** The oclif command class for `spec`: its help and declarations as statics, its run parsing them first. */
export function defineCommand<F extends Interfaces.FlagInput = {}, A extends Interfaces.ArgInput = {}>(spec: CommandSpec<F, A>) {
  const {run, args, flags, strict, ...rest} = spec
  class Command extends KsimCommand {
    async run(): Promise<void> {
      // explicit options: oclif's parse spreads a class it is given, which drops inherited statics
      const parsed = await this.parse({args: args ?? ({} as A), flags: flags ?? ({} as F), baseFlags: KsimCommand.baseFlags, strict: strict ?? true})
      // oclif sorts argv by each word's first index: rebuilt in the order typed (positional-order.ts)
      const argv = positionalWords(this.argv, parsed) as string[]
      const input = {args: parsed.args, argv, flags: parsed.flags} as CommandInput<F, A>
      const errors = await run(this, input)
      if (errors) this.failOn(errors)
    }
  }
  // only what the spec sets: oclif's defaults (strict, aliases, …) stay for the rest, and the manifest as it was
  const statics = Object.entries({...rest, args, flags, strict}).filter(([, value]) => value !== undefined)
  return Object.assign(Command, Object.fromEntries(statics)) as typeof Command
}
