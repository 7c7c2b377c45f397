import {defineCommand} from '../cli/define-command.js'
import {unlessDryRun} from '../cli/base-command.js'
import {chooseNodes} from '../cli/verbs/cordon.js'
import {runDrain} from '../cli/verbs/drain.js'
import {completeDrain, drainArgs, drainFlags} from '../cli/verbs/drain-flags.js'

export default defineCommand({
  summary: 'Drain node in preparation for maintenance',
  description: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use <%= config.bin %> uncordon, which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/<%= config.bin %>_drain.svg Workflowhttps://kubernetes.io/images/docs/<%= config.bin %>_drain.svg",
  examples: [
    '# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n<%= config.bin %> drain foo --force',
    '# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n<%= config.bin %> drain foo --grace-period=900',
  ],
  usage: 'drain NODE',
  args: drainArgs,
  flags: drainFlags,
  // NODE may be given several times
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const timeoutMs = completeDrain(argv, flags)
    const {target, api} = await cmd.open(flags)
    return runDrain(api, chooseNodes(api, argv, flags.selector), flags, timeoutMs, {...cmd.sinks(), beforeWait: () => cmd.ensureReconcilerRunning(target)})
  },
})
