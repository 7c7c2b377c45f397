import {rolloutPatchCommand} from '../../cli/verbs/rollout-patch-command.js'

export default rolloutPatchCommand('restart', {
  summary: 'Restart a resource',
  description: "Restart a resource.\n\n        Resource rollout will be restarted.",
  examples: [
    '# Restart all deployments in the test-namespace namespace\n<%= config.bin %> rollout restart deployment -n test-namespace',
    '# Restart a deployment\n<%= config.bin %> rollout restart deployment/nginx',
    '# Restart deployments with the app=nginx label\n<%= config.bin %> rollout restart deployment --selector=app=nginx',
  ],
  usage: 'rollout restart RESOURCE',
})
