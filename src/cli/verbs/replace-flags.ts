// The flags of `replace`, as kubectl 1.35 declares them: the print flags, the delete flags --force uses
// (NewDeleteFlags: --cascade, --force, --grace-period, --timeout, --wait, with -f/-R), --save-config,
// --validate, --dry-run, --raw and --field-manager (kubectl's --subresource is not offered).
import {Flags, type Interfaces} from '@oclif/core'

import {dryRunFlag, filenameFlag, recursiveFlag, validateFlag} from '../flags.js'
import {printFlags, type WithPrintFlags} from '../print/print-flags.js'

export const replaceFlags = {
  ...printFlags,
  filename: filenameFlag,
  recursive: recursiveFlag,
  cascade: Flags.string({
    description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    default: 'background',
  }),
  force: Flags.boolean({description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.', default: false}),
  'grace-period': Flags.integer({description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', default: -1}),
  timeout: Flags.string({description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', default: '0s'}),
  wait: Flags.boolean({description: 'If true, wait for resources to be gone before returning. This waits for finalizers.', default: false, allowNo: true}),
  'save-config': Flags.boolean({description: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.', default: false}),
  validate: validateFlag,
  'dry-run': dryRunFlag,
  raw: Flags.string({description: 'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.'}),
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-replace'}),
}

export type ReplaceFlags = WithPrintFlags<Interfaces.InferredFlags<typeof replaceFlags>>
