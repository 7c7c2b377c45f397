// The flags and arguments of `taint`, as kubectl declares them: the command declares them from here and
// the run takes them as parsed.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {dryRunFlag, validateFlag} from '../flags.js'
import {nodeSelectorFlag} from './cordon.js'

export const taintArgs = {
  node: Args.string({description: 'NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N'}),
}

export const taintFlags = {
  all: Flags.boolean({description: 'Select all nodes in the cluster', default: false}),
  'dry-run': dryRunFlag,
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-taint'}),
  output: Flags.string({
    char: 'o',
    description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  }),
  overwrite: Flags.boolean({description: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.', default: false}),
  selector: nodeSelectorFlag,
  'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.', default: false}),
  validate: validateFlag,
}

export type TaintFlags = Interfaces.InferredFlags<typeof taintFlags>
