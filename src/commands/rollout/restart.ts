import {RolloutPatchCommand} from '../../cli/verbs/rollout-patch-command.js'

export default class RolloutRestart extends RolloutPatchCommand {
  static override description = "Restart a resource.\n\n        Resource rollout will be restarted."

  static override examples = [
    '# Restart all deployments in the test-namespace namespace\n<%= config.bin %> rollout restart deployment -n test-namespace',
    '# Restart a deployment\n<%= config.bin %> rollout restart deployment/nginx',
    '# Restart deployments with the app=nginx label\n<%= config.bin %> rollout restart deployment --selector=app=nginx',
  ]

  static override summary = 'Restart a resource'

  static override usage = 'rollout restart RESOURCE'

  protected readonly op = 'restart'
}
