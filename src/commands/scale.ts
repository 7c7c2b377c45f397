import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {runScale, scaleArgs, scaleFlags, validateScale} from '../cli/verbs/scale.js'

export default class Scale extends KsimCommand {
  static override args = scaleArgs

  static override description = "Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server."

  static override examples = [
    "# Scale a replica set named 'foo' to 3\n<%= config.bin %> scale --replicas=3 rs/foo",
    "# If the deployment named mysql's current size is 2, scale mysql to 3\n<%= config.bin %> scale --current-replicas=2 --replicas=3 deployment/mysql",
  ]

  static override flags = scaleFlags

  static override strict = false

  static override summary = 'Set a new size for a deployment, replica set, or replication controller'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scale)
    const replicas = validateScale(flags)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.failOn(runScale(api, target, argv as string[], {...flags, replicas}, this.sinks()))
  }
}
