import {RolloutPatchCommand} from '../../cli/verbs/rollout-patch-command.js'

export default class RolloutPause extends RolloutPatchCommand {
  static override description = "Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use \"<%= config.bin %> rollout resume\" to resume a paused resource. Currently only deployments support being paused."

  static override examples = [
    '# Mark the nginx deployment as paused\n# Any current state of the deployment will continue its function; new updates\n# to the deployment will not have an effect as long as the deployment is paused\n<%= config.bin %> rollout pause deployment/nginx',
  ]

  static override summary = 'Mark the provided resource as paused'

  static override usage = 'rollout pause RESOURCE'

  protected readonly op = 'pause'
}
