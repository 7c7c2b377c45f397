import {defineCommand} from '../cli/define-command.js'
import {completeWait, runWait} from '../cli/verbs/wait.js'
import {waitArgs, waitFlags} from '../cli/verbs/wait-flags.js'

export default defineCommand({
  summary: 'Wait for a specific condition on one or many resources',
  description: "Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n Alternatively, the command can wait for the given set of resources to be created or deleted by providing the \"create\" or \"delete\" keyword as the value to the --for flag.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.",
  examples: [
    '# Wait for the pod "busybox1" to contain the status condition of type "Ready"\n<%= config.bin %> wait --for=condition=Ready pod/busybox1',
    '# The default value of status condition is true; you can wait for other targets after an equal delimiter\n<%= config.bin %> wait --for=condition=Ready=false pod/busybox1',
    "# Wait for the pod \"busybox1\" to contain the status phase to be \"Running\"\n<%= config.bin %> wait --for=jsonpath='{.status.phase}'=Running pod/busybox1",
    '# Wait for pod "busybox1" to be Ready\n<%= config.bin %> wait --for=\'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True\' pod/busybox1',
    '# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n<%= config.bin %> delete pod/busybox1\n<%= config.bin %> wait --for=delete pod/busybox1 --timeout=60s',
  ],
  args: waitArgs,
  flags: waitFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    const options = completeWait(flags)
    const {target, api} = await cmd.open(flags)
    // waiting for a condition needs something that moves the cluster on
    await cmd.ensureReconcilerRunning(target)
    return runWait(api, target, argv, flags, options, cmd.sinks())
  },
})
