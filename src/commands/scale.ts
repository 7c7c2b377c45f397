import {defineCommand} from '../cli/define-command.js'
import {unlessDryRun} from '../cli/base-command.js'
import {runScale, scaleArgs, scaleFlags, validateScale} from '../cli/verbs/scale.js'

export default defineCommand({
  summary: 'Set a new size for a deployment, replica set, or replication controller',
  description: "Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.",
  examples: [
    "# Scale a replica set named 'foo' to 3\n<%= config.bin %> scale --replicas=3 rs/foo",
    "# If the deployment named mysql's current size is 2, scale mysql to 3\n<%= config.bin %> scale --current-replicas=2 --replicas=3 deployment/mysql",
  ],
  args: scaleArgs,
  flags: scaleFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const replicas = validateScale(flags)
    const {target, api} = await cmd.open(flags)
    return runScale(api, target, argv, {...flags, replicas}, cmd.sinks())
  },
})
