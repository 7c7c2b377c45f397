import {defineCommand} from '../../cli/define-command.js'
import {rolloutArgs} from '../../cli/verbs/rollout-command.js'
import {completeRolloutStatus, rolloutStatusFlags, runRolloutStatus} from '../../cli/verbs/rollout-status.js'

export default defineCommand({
  summary: 'Show the status of the rollout',
  description: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  examples: ['# Watch the rollout status of a deployment\n<%= config.bin %> rollout status deployment/nginx'],
  args: rolloutArgs,
  flags: rolloutStatusFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    const timeoutMs = completeRolloutStatus(flags)
    // opening the API registers the kinds the resource arguments name
    const {target, api} = await cmd.open(flags)
    await runRolloutStatus(api, target, argv, flags, timeoutMs, {...cmd.sinks(), beforeWait: () => cmd.ensureReconcilerRunning(target)})
  },
})
