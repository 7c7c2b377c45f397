import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {parseDuration} from '../../cli/duration-flag.js'
import {parseResourceArgs} from '../../cli/resource/args.js'
import {runRolloutStatus} from '../../cli/verbs/rollout-status.js'

export default defineCommand({
  summary: 'Show the status of the rollout',
  description: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  examples: ['# Watch the rollout status of a deployment\n<%= config.bin %> rollout status deployment/nginx'],
  args: {
    resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
  },
  flags: {
    timeout: Flags.string({description: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', default: '0s'}),
    watch: Flags.boolean({char: 'w', description: 'Watch the status of the rollout until it\'s done.', default: true, allowNo: true}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const timeoutMs = parseDuration(flags.timeout, 'timeout')
    // opening the API registers the kinds the resource arguments name
    const {target, api} = await cmd.open(flags)
    const {requests} = parseResourceArgs(argv)
    if (requests.length === 0) throw new CliError('required resource not specified', true)
    const [req] = requests
    if (requests.length > 1 || req.names.length !== 1) throw new CliError('rollout status is only supported on individual resources and resource collections are not supported yet')
    if (req.rt.kind !== 'Deployment') throw new CliError(`no status viewer has been implemented for ${req.rt.kind}${req.rt.group ? `.${req.rt.group}` : ''}`)
    api.get(req.rt, target.namespace, req.names[0])
    if (flags.watch) await cmd.ensureReconcilerRunning(target)
    await runRolloutStatus(api, {namespace: target.namespace, name: req.names[0], watch: flags.watch, timeoutMs, out: (s) => cmd.out(s)})
  },
})
