import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {parseDuration} from '../cli/duration-flag.js'
import {allNamespacesFlag, filenameFlag, selectorFlag} from '../cli/flags.js'
import {parseWaitFor, runWait} from '../cli/verbs/wait.js'

export default class Wait extends KsimCommand {
  static override args = {
    resources: Args.string({description: 'TYPE/NAME, TYPE NAME..., or TYPE with -l/--all'}),
  }

  static override description = "Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n Alternatively, the command can wait for the given set of resources to be created or deleted by providing the \"create\" or \"delete\" keyword as the value to the --for flag.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination."

  static override examples = [
    '# Wait for the pod "busybox1" to contain the status condition of type "Ready"\n<%= config.bin %> wait --for=condition=Ready pod/busybox1',
    '# The default value of status condition is true; you can wait for other targets after an equal delimiter\n<%= config.bin %> wait --for=condition=Ready=false pod/busybox1',
    "# Wait for the pod \"busybox1\" to contain the status phase to be \"Running\"\n<%= config.bin %> wait --for=jsonpath='{.status.phase}'=Running pod/busybox1",
    '# Wait for pod "busybox1" to be Ready\n<%= config.bin %> wait --for=\'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True\' pod/busybox1',
    '# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n<%= config.bin %> delete pod/busybox1\n<%= config.bin %> wait --for=delete pod/busybox1 --timeout=60s',
  ]

  static override flags = {
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types', default: false}),
    'all-namespaces': allNamespacesFlag,
    filename: filenameFlag,
    for: Flags.string({description: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity."}),
    selector: selectorFlag,
    timeout: Flags.string({description: "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.", default: '30s'}),
  }

  static override strict = false

  static override summary = 'Wait for a specific condition on one or many resources'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Wait)
    if (!flags.for) throw new CliError('--for must be specified', true)
    const condition = parseWaitFor(flags.for)
    let timeoutMs = parseDuration(flags.timeout, 'timeout')
    if (timeoutMs < 0) timeoutMs = 168 * 3600 * 1000
    const target = await this.target(flags)
    const api = await this.openApi(target)
    // waiting for a condition needs something that moves the cluster on
    await this.ensureReconcilerRunning(target)
    const errors = await runWait(api, target, {
      args: argv as string[],
      files: flags.filename ?? [],
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      condition,
      timeoutMs,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
