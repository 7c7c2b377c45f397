// `diff`'s flags, with kubectl 1.35's names, defaults and help texts (cmd/diff/diff.go).
import {Flags, type Interfaces} from '@oclif/core'

import {recursiveFlag, selectorFlag} from '../flags.js'

export const diffFlags = {
  // ksim diffs the objects one after another, which prints what any concurrency prints
  concurrency: Flags.integer({description: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.', default: 1}),
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership. Defaults to kubectl-client-side-apply, or kubectl with --server-side.'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files contains the configuration to diff', multiple: true, multipleNonGreedy: true, delimiter: ','}),
  'force-conflicts': Flags.boolean({description: 'If true, server-side apply will force the changes against conflicts.', default: false}),
  recursive: recursiveFlag,
  selector: selectorFlag,
  'server-side': Flags.boolean({description: 'If true, apply runs in the server instead of the client.', default: false}),
}

export type DiffFlags = Interfaces.InferredFlags<typeof diffFlags>
