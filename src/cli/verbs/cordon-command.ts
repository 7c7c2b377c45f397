// `cordon` and `uncordon`: one command in two directions, as kubectl builds both from its drain options.
import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../base-command.js'
import {chooseNodes, cordonNode} from './cordon.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'

/** `-l` of cordon, uncordon and drain, with kubectl's wording there (it lists fewer operators than get's). */
export const nodeSelectorFlag = Flags.string({
  char: 'l',
  description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
})

/**
 * NODE... or `-l SELECTOR`, as kubectl's drain options take them: neither is a usage error, and so is
 * both. `use` is the command's `Use` line (`cordon NODE`).
 */
export function nodeChoice(argv: unknown[], selector: string | undefined, use: string): {names: string[]; selector?: string} {
  const names = argv.map(String)
  if (names.length === 0 && selector === undefined) throw new CliError(`USAGE: ${use} [flags]`, true)
  if (names.length > 0 && selector) throw new CliError('cannot specify both a node name and a --selector option', true)
  return {names, selector: selector || undefined}
}

export abstract class CordonCommand extends KsimCommand {
  static override args = {
    node: Args.string({description: 'node name'}),
  }

  static override flags = {
    'dry-run': dryRunFlag,
    selector: nodeSelectorFlag,
  }

  // NODE may be given several times
  static override strict = false

  /** true: cordon; false: uncordon */
  protected abstract readonly cordon: boolean

  async run(): Promise<void> {
    // oclif spreads the class it is given into its options, which drops inherited statics: name them
    const {argv, flags} = await this.parse({args: CordonCommand.args, flags: CordonCommand.flags, baseFlags: KsimCommand.baseFlags, strict: false})
    const choice = nodeChoice(argv, flags.selector, (this.ctor as typeof CordonCommand).usage as string)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    const nodes = chooseNodes(api, choice)
    for (const node of nodes) this.out(cordonNode(api, node, this.cordon, flags['dry-run']))
    this.wrote = flags['dry-run'] === 'none' && nodes.length > 0
  }
}
