// `drain`'s arguments and flags, declared once (the command takes them from here), and kubectl's Complete
// for them: NODE... or -l, the --timeout duration and a valid --pod-selector.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {parseLabelSelector} from '../../machinery/label-selector.js'
import {parseDuration} from '../duration-flag.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {nodeSelectorFlag, validateNodeArgs} from './cordon.js'

export const drainArgs = {
  node: Args.string({description: 'node name'}),
}

export const drainFlags = {
  'chunk-size': Flags.integer({description: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.', default: 500}),
  'delete-emptydir-data': Flags.boolean({description: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).', default: false}),
  'disable-eviction': Flags.boolean({description: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.', default: false}),
  'dry-run': dryRunFlag,
  force: Flags.boolean({description: 'Continue even if there are pods that do not declare a controller.', default: false}),
  'grace-period': Flags.integer({description: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', default: -1}),
  'ignore-daemonsets': Flags.boolean({description: 'Ignore DaemonSet-managed pods.', default: false}),
  'pod-selector': Flags.string({description: 'Label selector to filter pods on the node'}),
  selector: nodeSelectorFlag,
  'skip-wait-for-delete-timeout': Flags.integer({description: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.', default: 0}),
  timeout: Flags.string({description: 'The length of time to wait before giving up, zero means infinite', default: '0s'}),
}

/** `drain`'s flags, as parsed. */
export type DrainFlags = Interfaces.InferredFlags<typeof drainFlags>

/** labels.Parse accepts it */
function validLabelSelector(text: string): boolean {
  try {
    parseLabelSelector(text)
    return true
  } catch {
    return false
  }
}

/** kubectl's drain Complete, in its order: NODE... or -l, then --timeout, then --pod-selector; returns the timeout in ms (0: none). */
export function completeDrain(args: string[], flags: DrainFlags): number {
  validateNodeArgs(args, flags.selector, 'drain NODE')
  const timeoutMs = parseDuration(flags.timeout, 'timeout')
  if (flags['pod-selector'] && !validLabelSelector(flags['pod-selector'])) throw new CliError('--pod-selector=<pod_selector> must be a valid label selector')
  return timeoutMs
}
