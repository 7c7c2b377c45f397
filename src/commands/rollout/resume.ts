import {rolloutPatchCommand} from '../../cli/verbs/rollout-patch-command.js'

export default rolloutPatchCommand('resume', {
  summary: 'Resume a paused resource',
  description: "Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.",
  examples: ['# Resume an already paused deployment\n<%= config.bin %> rollout resume deployment/nginx'],
  usage: 'rollout resume RESOURCE',
})
