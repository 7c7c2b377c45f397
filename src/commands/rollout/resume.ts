import {RolloutPatchCommand} from '../../cli/verbs/rollout-patch-command.js'

export default class RolloutResume extends RolloutPatchCommand {
  static override description = "Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed."

  static override examples = ['# Resume an already paused deployment\n<%= config.bin %> rollout resume deployment/nginx']

  static override summary = 'Resume a paused resource'

  static override usage = 'rollout resume RESOURCE'

  protected readonly op = 'resume'
}
