import {Args, Flags} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../../cli/base-command.js'
import {dryRunFlag} from '../../cli/flags.js'
import {runSetImage} from '../../cli/verbs/set-image.js'
import {outputFlag} from '../../cli/print/print-flags.js'

export default class SetImage extends KsimCommand {
  static override args = {
    resources: Args.string({description: 'TYPE NAME CONTAINER_NAME=IMAGE ... or TYPE/NAME CONTAINER_NAME=IMAGE ...'}),
  }

  static override description = `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`

  static override examples = [
    "# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n<%= config.bin %> set image deployment/nginx busybox=busybox nginx=nginx:1.9.1",
    "# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'\n<%= config.bin %> set image deployments,rc nginx=nginx:1.9.1 --all",
    "# Update image of all containers of daemonset abc to 'nginx:1.9.1'\n<%= config.bin %> set image daemonset abc *=nginx:1.9.1",
    '# Print result (in yaml format) of updating nginx container image from local file, without hitting the server\n<%= config.bin %> set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml',
  ]

  static override flags = {
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types', default: false}),
    'dry-run': dryRunFlag,
    filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to get from a server.', multiple: true, multipleNonGreedy: true}),
    local: Flags.boolean({description: 'If true, set image will NOT contact api-server but run locally.', default: false}),
    output: outputFlag,
    recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
    selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."}),
  }

  static override strict = false

  static override summary = 'Update the image of a pod template'

  static override usage = 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(SetImage)
    const target = await this.target(flags)
    const api = flags.local ? undefined : await this.openApi(target)
    const errors = runSetImage(api, target, {
      args: argv as string[],
      files: flags.filename ?? [],
      recursive: flags.recursive,
      all: flags.all,
      selector: flags.selector,
      local: flags.local,
      dryRun: flags['dry-run'],
      output: flags.output,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
