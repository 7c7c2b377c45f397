// `label` and `annotate`: one body for both verbs (kubectl's LabelOptions / AnnotateOptions), which differ
// only in the metadata field they change and in their flags' wording.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../base-command.js'
import {allNamespacesFlag, dryRunFlag, filenameFlag, selectorFlag} from '../flags.js'
import {runLabel} from './label.js'

/** The flags of `label` (`annotate` words them with annotations), as kubectl declares them. */
export function labelFlags(field: 'labels' | 'annotations', allDescription: string) {
  const one = field === 'labels' ? 'label' : 'annotation'
  return {
    all: Flags.boolean({description: allDescription, default: false}),
    'all-namespaces': allNamespacesFlag,
    'dry-run': dryRunFlag,
    filename: filenameFlag,
    list: Flags.boolean({description: `If true, display the ${field} for a given resource.`, default: false}),
    overwrite: Flags.boolean({description: `If true, allow ${field} to be overwritten, otherwise reject ${one} updates that overwrite existing ${field}.`, default: false}),
    'resource-version': Flags.string({description: `If non-empty, the ${field === 'labels' ? 'labels' : 'annotation'} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`}),
    selector: selectorFlag,
  }
}

type LabelFlagDeclarations = ReturnType<typeof labelFlags>

/** The flags of `label` / `annotate`, as parsed. */
export type LabelFlags = Interfaces.InferredFlags<LabelFlagDeclarations>

export const labelArgs = {
  resources: Args.string({description: 'TYPE NAME KEY_1=VAL_1 ... or TYPE/NAME KEY=VAL ...'}),
}

export abstract class LabelCommand extends KsimCommand {
  static override strict = false

  static override writes = (flags: Record<string, unknown>): boolean => unlessDryRun(flags) && !flags.list

  /** the metadata field this verb changes */
  protected abstract readonly field: 'labels' | 'annotations'

  async run(): Promise<void> {
    // oclif spreads the class it is given into its options, which drops inherited statics: name them
    const ctor = this.ctor as typeof KsimCommand
    const {argv, flags} = await this.parse({args: labelArgs, flags: ctor.flags as LabelFlagDeclarations, baseFlags: KsimCommand.baseFlags, strict: false})
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.failOn(runLabel(api, target, this.field, argv as string[], flags, this.sinks()))
  }
}
