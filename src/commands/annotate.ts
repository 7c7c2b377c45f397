import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {SilentError} from '../cli/errors.js'
import {allNamespacesFlag, dryRunFlag, filenameFlag, selectorFlag} from '../cli/flags.js'
import {runLabel} from '../cli/label-run.js'

export default class Annotate extends KsimCommand {
  static override args = {
    resources: Args.string({description: 'TYPE NAME KEY_1=VAL_1 ... or TYPE/NAME KEY=VAL ...'}),
  }

  static override description = "Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse \"<%= config.bin %> api-resources\" for a complete list of supported resources."

  static override examples = [
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n<%= config.bin %> annotate pods foo description='my frontend'",
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n<%= config.bin %> annotate --overwrite pods foo description='my frontend running nginx'",
    "# Update all pods in the namespace\n<%= config.bin %> annotate pods --all description='my frontend running nginx'",
    "# Update pod 'foo' by removing an annotation named 'description' if it exists\n<%= config.bin %> annotate pods foo description-",
  ]

  static override flags = {
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types.', default: false}),
    'all-namespaces': allNamespacesFlag,
    'dry-run': dryRunFlag,
    filename: filenameFlag,
    list: Flags.boolean({description: 'If true, display the annotations for a given resource.', default: false}),
    overwrite: Flags.boolean({description: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.', default: false}),
    'resource-version': Flags.string({description: 'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.'}),
    selector: selectorFlag,
  }

  static override strict = false

  static override summary = 'Update the annotations on a resource'

  static override usage = 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Annotate)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    if (flags['dry-run'] === 'none' && !flags.list) await this.ensureReconcilerRunning(target)
    const ok = runLabel(api, target, {
      field: 'annotations',
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
