import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {parseDuration} from '../../cli/duration-flag.js'
import {parseResourceArgs} from '../../cli/resource/args.js'
import {runRolloutStatus} from '../../cli/verbs/rollout-status.js'

export default class RolloutStatus extends KsimCommand {
  static override args = {
    resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
  }

  static override description = "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for."

  static override examples = ['# Watch the rollout status of a deployment\n<%= config.bin %> rollout status deployment/nginx']

  static override flags = {
    timeout: Flags.string({description: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', default: '0s'}),
    watch: Flags.boolean({char: 'w', description: 'Watch the status of the rollout until it\'s done.', default: true, allowNo: true}),
  }

  static override strict = false

  static override summary = 'Show the status of the rollout'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutStatus)
    const timeoutMs = parseDuration(flags.timeout, 'timeout')
    const target = await this.target(flags)
    // opening the API registers the kinds the resource arguments name
    const api = await this.openApi(target)
    const {requests} = parseResourceArgs(argv as string[])
    if (requests.length === 0) throw new CliError('required resource not specified', true)
    const [req] = requests
    if (requests.length > 1 || req.names.length !== 1) throw new CliError('rollout status is only supported on individual resources and resource collections are not supported yet')
    if (req.rt.kind !== 'Deployment') throw new CliError(`no status viewer has been implemented for ${req.rt.kind}${req.rt.group ? `.${req.rt.group}` : ''}`)
    api.get(req.rt, target.namespace, req.names[0])
    if (flags.watch) await this.ensureReconcilerRunning(target)
    await runRolloutStatus(api, {namespace: target.namespace, name: req.names[0], watch: flags.watch, timeoutMs, out: (s) => this.out(s)})
  }
}
