// `label` and `annotate`: one body for both verbs (kubectl's LabelOptions / AnnotateOptions), which differ
// only in the metadata field they change and in their flags' wording.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {unlessDryRun} from '../base-command.js'
import {defineCommand, type CommandHelp} from '../define-command.js'
import {allNamespacesFlag, dryRunFlag, filenameFlag, selectorFlag} from '../flags.js'
import {printFlags} from '../print/print-flags.js'
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
    ...printFlags,
  }
}

type LabelFlagDeclarations = ReturnType<typeof labelFlags>

/** The flags of `label` / `annotate`, as parsed. */
export type LabelFlags = Interfaces.InferredFlags<LabelFlagDeclarations>

export const labelArgs = {
  resources: Args.string({description: 'TYPE NAME KEY_1=VAL_1 ... or TYPE/NAME KEY=VAL ...'}),
}

/** `label` or `annotate`, with its help: the metadata field it changes and its flags worded for it. */
export function labelCommand(field: 'labels' | 'annotations', allDescription: string, help: CommandHelp) {
  return defineCommand({
    ...help,
    args: labelArgs,
    flags: labelFlags(field, allDescription),
    strict: false,
    writes: (flags) => unlessDryRun(flags) && !flags.list,
    async run(cmd, {argv, flags}) {
      const {target, api} = await cmd.open(flags)
      return runLabel(api, target, field, argv, flags, cmd.sinks())
    },
  })
}
