// The flags and arguments of `wait`, as kubectl declares them: the command declares them from here and the
// run takes them as parsed.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {allNamespacesFlag, filenameFlag, selectorFlag} from '../flags.js'

export const waitArgs = {
  resources: Args.string({description: 'TYPE/NAME, TYPE NAME..., or TYPE with -l/--all'}),
}

export const waitFlags = {
  all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types', default: false}),
  'all-namespaces': allNamespacesFlag,
  filename: filenameFlag,
  for: Flags.string({description: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity."}),
  selector: selectorFlag,
  timeout: Flags.string({description: "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.", default: '30s'}),
}

export type WaitFlags = Interfaces.InferredFlags<typeof waitFlags>
