import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {allNamespacesFlag, dryRunFlag, filenameFlag, parseCascade, recursiveFlag, selectorFlag} from '../cli/flags.js'
import {runDelete} from '../cli/verbs/delete.js'
import {parseDuration} from '../cli/duration-flag.js'

export default class Delete extends KsimCommand {
  static override args = {
    resources: Args.string({description: 'TYPE[.VERSION][.GROUP] [NAME...] | TYPE/NAME ...'}),
  }

  static override description = "Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run \"<%= config.bin %> api-resources\" to refresh the discovery cache."

  static override examples = [
    '# Delete a pod using the type and name specified in pod.json\n<%= config.bin %> delete -f ./pod.json',
    '# Delete pods and services with same names "baz" and "foo"\n<%= config.bin %> delete pod,service baz foo',
    '# Delete pods and services with label name=myLabel\n<%= config.bin %> delete pods,services -l name=myLabel',
    '# Delete a pod with minimal delay\n<%= config.bin %> delete pod foo --now',
    '# Force delete a pod on a dead node\n<%= config.bin %> delete pod foo --force',
    '# Delete all pods\n<%= config.bin %> delete pods --all',
  ]

  static override flags = {
    all: Flags.boolean({description: 'Delete all resources, in the namespace of the specified resource types.', default: false}),
    'all-namespaces': allNamespacesFlag,
    cascade: Flags.string({
      description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
      default: 'background',
    }),
    'dry-run': dryRunFlag,
    'field-selector': Flags.string({description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."}),
    filename: filenameFlag,
    force: Flags.boolean({description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.', default: false}),
    'grace-period': Flags.integer({description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', default: -1}),
    'ignore-not-found': Flags.boolean({description: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.'}),
    now: Flags.boolean({description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).', default: false}),
    output: Flags.string({char: 'o', description: 'Output mode. Use "-o name" for shorter output (resource/name).'}),
    recursive: recursiveFlag,
    selector: selectorFlag,
    timeout: Flags.string({description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', default: '0s'}),
    wait: Flags.boolean({description: 'If true, wait for resources to be gone before returning. This waits for finalizers.', default: true, allowNo: true}),
  }

  static override strict = false

  static override summary = 'Delete resources by file names, stdin, resources and names, or by resources and label selector'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Delete)
    // in kubectl's order: flag parsing (--timeout), the delete flags (--cascade), Complete (--now, the
    // resource builder's --all check), then Validate
    const timeoutMs = parseDuration(flags.timeout, 'timeout')
    const cascade = parseCascade(flags.cascade, (line) => this.stderrLine(line))
    let grace = flags['grace-period']
    if (flags.now) {
      if (grace !== -1) throw new CliError('--now and --grace-period cannot be specified together')
      grace = 1
    }
    if (grace === 0 && !flags.force) grace = 1
    if (flags.force && grace < 0) grace = 0
    if (flags.all && (flags.selector || flags['field-selector'])) throw new CliError("setting 'all' parameter but found a non empty selector. ")
    if (flags.output && flags.output !== 'name') throw new CliError(`unexpected -o output mode: ${flags.output}. We only support '-o name'`)
    if (grace > 0 && flags.force) throw new CliError('--force and --grace-period greater than 0 cannot be specified together')
    if (grace === 0 && flags.force) {
      this.stderrLine('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.')
    }
    const target = await this.target(flags)
    const api = await this.openApi(target)
    if (flags['dry-run'] === 'none') await this.ensureReconcilerRunning(target)
    const errors = await runDelete(api, target, {
      args: argv as string[],
      files: flags.filename ?? [],
      recursive: flags.recursive,
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      ignoreNotFound: flags['ignore-not-found'] ?? (flags.all || Boolean(flags.selector) || Boolean(flags['field-selector'])),
      grace,
      cascade,
      dryRun: flags['dry-run'],
      nameOutput: flags.output === 'name',
      wait: flags.wait,
      timeoutMs: timeoutMs === 0 ? 168 * 3600 * 1000 : timeoutMs,
      // kubectl's enforceNamespace: only the -n flag, not the context's namespace
      warnClusterScope: Boolean(flags.namespace) && !flags['all-namespaces'],
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
