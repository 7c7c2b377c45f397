import {rolloutPatchCommand} from '../../cli/verbs/rollout-patch-command.js'

export default rolloutPatchCommand('pause', {
  summary: 'Mark the provided resource as paused',
  description: "Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use \"<%= config.bin %> rollout resume\" to resume a paused resource. Currently only deployments support being paused.",
  examples: [
    '# Mark the nginx deployment as paused\n# Any current state of the deployment will continue its function; new updates\n# to the deployment will not have an effect as long as the deployment is paused\n<%= config.bin %> rollout pause deployment/nginx',
  ],
  usage: 'rollout pause RESOURCE',
})
