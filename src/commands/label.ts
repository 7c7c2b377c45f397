import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {SilentError} from '../cli/errors.js'
import {allNamespacesFlag, dryRunFlag, filenameFlag, selectorFlag} from '../cli/flags.js'
import {runLabel} from '../cli/label-run.js'

export default class Label extends KsimCommand {
  static override args = {
    resources: Args.string({description: 'TYPE NAME KEY_1=VAL_1 ... or TYPE/NAME KEY=VAL ...'}),
  }

  static override description = `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`

  static override examples = [
    "# Update pod 'foo' with the label 'unhealthy' and the value 'true'\n<%= config.bin %> label pods foo unhealthy=true",
    "# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n<%= config.bin %> label --overwrite pods foo status=unhealthy",
    '# Update all pods in the namespace\n<%= config.bin %> label pods --all status=unhealthy',
    "# Update pod 'foo' only if the resource is unchanged from version 1\n<%= config.bin %> label pods foo status=unhealthy --resource-version=1",
    "# Update pod 'foo' by removing a label named 'bar' if it exists\n<%= config.bin %> label pods foo bar-",
  ]

  static override flags = {
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types', default: false}),
    'all-namespaces': allNamespacesFlag,
    'dry-run': dryRunFlag,
    filename: filenameFlag,
    list: Flags.boolean({description: 'If true, display the labels for a given resource.', default: false}),
    overwrite: Flags.boolean({description: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.', default: false}),
    'resource-version': Flags.string({description: 'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.'}),
    selector: selectorFlag,
  }

  static override strict = false

  static override summary = 'Update the labels on a resource'

  static override usage = 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Label)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    if (flags['dry-run'] === 'none' && !flags.list) await this.ensureReconcilerRunning(target)
    const ok = runLabel(api, target, {
      field: 'labels',
      args: argv as string[],
      files: flags.filename ?? [],
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      overwrite: flags.overwrite,
      list: flags.list,
      dryRun: flags['dry-run'],
      resourceVersion: flags['resource-version'],
      out: (s) => this.out(s),
      err: (s) => this.warn2(s),
    })
    if (!ok) throw new SilentError()
  }
}
