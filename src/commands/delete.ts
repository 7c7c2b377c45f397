import {defineCommand} from '../cli/define-command.js'
import {completeDelete, runDelete} from '../cli/verbs/delete.js'
import {deleteArgs, deleteFlags} from '../cli/verbs/delete-flags.js'

export default defineCommand({
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  description: "Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run \"<%= config.bin %> api-resources\" to refresh the discovery cache.",
  examples: [
    '# Delete a pod using the type and name specified in pod.json\n<%= config.bin %> delete -f ./pod.json',
    '# Delete pods and services with same names "baz" and "foo"\n<%= config.bin %> delete pod,service baz foo',
    '# Delete pods and services with label name=myLabel\n<%= config.bin %> delete pods,services -l name=myLabel',
    '# Delete a pod with minimal delay\n<%= config.bin %> delete pod foo --now',
    '# Force delete a pod on a dead node\n<%= config.bin %> delete pod foo --force',
    '# Delete all pods\n<%= config.bin %> delete pods --all',
  ],
  args: deleteArgs,
  flags: deleteFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    const options = completeDelete(flags, cmd.sinks())
    const {target, api} = await cmd.open(flags)
    if (flags['dry-run'] === 'none') await cmd.ensureReconcilerRunning(target)
    return runDelete(api, target, argv, flags, options, cmd.sinks())
  },
})
