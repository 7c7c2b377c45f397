// The flags and arguments of `delete`, as kubectl declares them: the command declares them from here and
// the run takes them as parsed.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {allNamespacesFlag, dryRunFlag, filenameFlag, recursiveFlag, selectorFlag} from '../flags.js'

export const deleteArgs = {
  resources: Args.string({description: 'TYPE[.VERSION][.GROUP] [NAME...] | TYPE/NAME ...'}),
}

export const deleteFlags = {
  all: Flags.boolean({description: 'Delete all resources, in the namespace of the specified resource types.', default: false}),
  'all-namespaces': allNamespacesFlag,
  cascade: Flags.string({
    description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    default: 'background',
  }),
  'dry-run': dryRunFlag,
  'field-selector': Flags.string({description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."}),
  filename: filenameFlag,
  force: Flags.boolean({description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.', default: false}),
  'grace-period': Flags.integer({description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', default: -1}),
  'ignore-not-found': Flags.boolean({description: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.'}),
  interactive: Flags.boolean({char: 'i', description: 'If true, delete resource only when user confirms.', default: false}),
  now: Flags.boolean({description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).', default: false}),
  output: Flags.string({char: 'o', description: 'Output mode. Use "-o name" for shorter output (resource/name).'}),
  recursive: recursiveFlag,
  selector: selectorFlag,
  timeout: Flags.string({description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', default: '0s'}),
  wait: Flags.boolean({description: 'If true, wait for resources to be gone before returning. This waits for finalizers.', default: true, allowNo: true}),
}

export type DeleteFlags = Interfaces.InferredFlags<typeof deleteFlags>
