// `diff`'s flags, with kubectl 1.35's names, defaults and help texts (cmd/diff/diff.go).
import {Flags, type Interfaces} from '@oclif/core'

import {recursiveFlag, selectorFlag} from '../flags.js'

export const diffFlags = {
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership. Defaults to kubectl-client-side-apply, or kubectl with --server-side.'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files contains the configuration to diff', multiple: true, multipleNonGreedy: true, delimiter: ','}),
  'force-conflicts': Flags.boolean({description: 'If true, server-side apply will force the changes against conflicts.', default: false}),
  recursive: recursiveFlag,
  selector: selectorFlag,
  'server-side': Flags.boolean({description: 'If true, apply runs in the server instead of the client.', default: false}),
}

export type DiffFlags = Interfaces.InferredFlags<typeof diffFlags>
