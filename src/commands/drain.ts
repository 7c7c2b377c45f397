import {Args, Flags} from '@oclif/core'

import {parseLabelSelector} from '../machinery/label-selector.js'
import {defineCommand} from '../cli/define-command.js'
import {unlessDryRun} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {nodeChoice, nodeSelectorFlag} from '../cli/verbs/cordon-command.js'
import {chooseNodes} from '../cli/verbs/cordon.js'
import {runDrain} from '../cli/verbs/drain.js'
import {dryRunFlag} from '../cli/flags.js'
import {parseDuration} from '../cli/duration-flag.js'

/** labels.Parse accepts it */
function validLabelSelector(text: string): boolean {
  try {
    parseLabelSelector(text)
    return true
  } catch {
    return false
  }
}

export default defineCommand({
  summary: 'Drain node in preparation for maintenance',
  description: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use <%= config.bin %> uncordon, which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/<%= config.bin %>_drain.svg Workflowhttps://kubernetes.io/images/docs/<%= config.bin %>_drain.svg",
  examples: [
    '# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n<%= config.bin %> drain foo --force',
    '# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n<%= config.bin %> drain foo --grace-period=900',
  ],
  usage: 'drain NODE',
  args: {
    node: Args.string({description: 'node name'}),
  },
  flags: {
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
  },
  // NODE may be given several times
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const choice = nodeChoice(argv, flags.selector, 'drain NODE')
    const timeoutMs = parseDuration(flags.timeout, 'timeout')
    if (flags['pod-selector'] && !validLabelSelector(flags['pod-selector'])) throw new CliError('--pod-selector=<pod_selector> must be a valid label selector')
    const {target, api} = await cmd.open(flags)
    const errors = await runDrain(api, {
      nodes: chooseNodes(api, choice),
      force: flags.force,
      ignoreDaemonsets: flags['ignore-daemonsets'],
      deleteEmptydirData: flags['delete-emptydir-data'],
      skipWaitForDeleteTimeoutSeconds: flags['skip-wait-for-delete-timeout'],
      gracePeriod: flags['grace-period'],
      timeoutMs,
      dryRun: flags['dry-run'],
      podSelector: flags['pod-selector'] || undefined,
      disableEviction: flags['disable-eviction'],
      out: (s) => cmd.out(s),
      err: (s) => cmd.stderrLine(s),
      beforeWait: () => cmd.ensureReconcilerRunning(target),
    })
    return errors
  },
})
