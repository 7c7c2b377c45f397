import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError, SilentError} from '../cli/errors.js'
import {runDrain} from '../cli/drain-run.js'
import {parseDuration} from '../cli/duration-flag.js'

export default class Drain extends KsimCommand {
  static override args = {
    node: Args.string({description: 'node name'}),
  }

  static override description = `Drain node in preparation for maintenance.

The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods, honouring their grace periods, and waits until they are gone. If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods. If there are any pods that are neither mirror pods nor managed by a controller, then drain will not delete any pods unless you use --force.

When you are ready to put the node back into service, use uncordon, which will make the node schedulable again.`

  static override examples = [
    '# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n<%= config.bin %> drain foo --force',
    '# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n<%= config.bin %> drain foo --grace-period=900',
  ]

  static override flags = {
    'delete-emptydir-data': Flags.boolean({description: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).', default: false}),
    force: Flags.boolean({description: 'Continue even if there are pods that do not declare a controller.', default: false}),
    'grace-period': Flags.integer({description: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', default: -1}),
    'ignore-daemonsets': Flags.boolean({description: 'Ignore DaemonSet-managed pods.', default: false}),
    timeout: Flags.string({description: 'The length of time to wait before giving up, zero means infinite', default: '0s'}),
  }

  static override summary = 'Drain node in preparation for maintenance'

  static override usage = 'drain NODE'

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Drain)
    if (!args.node) throw new CliError('USAGE: drain NODE [flags]', true)
    const timeoutMs = parseDuration(flags.timeout, 'timeout')
    const target = await this.target(flags)
    const api = await this.openApi(target)
    const ok = await runDrain(api, {
      node: args.node,
      force: flags.force,
      ignoreDaemonsets: flags['ignore-daemonsets'],
      deleteEmptydirData: flags['delete-emptydir-data'],
      gracePeriod: flags['grace-period'],
      timeoutMs,
      out: (s) => this.out(s),
      err: (s) => this.warn2(s),
      beforeWait: () => this.ensureReconcilerRunning(target),
    })
    await this.ensureReconcilerRunning(target)
    if (!ok) throw new SilentError()
  }
}
