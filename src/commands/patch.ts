import {Args, Flags} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {dryRunFlag} from '../cli/flags.js'
import {runPatch, validatePatch} from '../cli/verbs/patch.js'
import {outputFlag} from '../cli/print/print-flags.js'

export default class Patch extends KsimCommand {
  static override args = {
    resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
  }

  static override description = `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`

  static override examples = [
    "# Partially update a node using a strategic merge patch, specifying the patch as JSON\n<%= config.bin %> patch node k8s-node-1 -p '{\"spec\":{\"unschedulable\":true}}'",
    "# Partially update a node using a strategic merge patch, specifying the patch as YAML\n<%= config.bin %> patch node k8s-node-1 -p $'spec:\\n unschedulable: true'",
    '# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch\n<%= config.bin %> patch -f node.json -p \'{"spec":{"unschedulable":true}}\'',
    "# Update a container's image; spec.containers[*].name is required because it's a merge key\n<%= config.bin %> patch pod valid-pod -p '{\"spec\":{\"containers\":[{\"name\":\"kubernetes-serve-hostname\",\"image\":\"new image\"}]}}'",
    "# Update a container's image using a JSON patch with positional arrays\n<%= config.bin %> patch pod valid-pod --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/containers/0/image\", \"value\":\"new image\"}]'",
    "# Update a deployment's replicas through the 'scale' subresource using a merge patch\n<%= config.bin %> patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{\"spec\":{\"replicas\":2}}'",
  ]

  static override flags = {
    'dry-run': dryRunFlag,
    filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to update', multiple: true, multipleNonGreedy: true}),
    local: Flags.boolean({description: 'If true, patch will operate on the content of the file, not the server-side resource.', default: false}),
    output: outputFlag,
    patch: Flags.string({char: 'p', description: 'The patch to be applied to the resource JSON file.'}),
    'patch-file': Flags.string({description: 'A file containing a patch to be applied to the resource.'}),
    recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
    subresource: Flags.string({description: 'If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.'}),
    type: Flags.string({description: 'The type of patch being provided; one of [json merge strategic]', default: 'strategic'}),
  }

  static override strict = false

  static override summary = 'Update fields of a resource'

  static override usage = 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Patch)
    const request = {args: argv as string[], patch: flags.patch, patchFile: flags['patch-file'], type: flags.type, subresource: flags.subresource, local: flags.local, dryRun: flags['dry-run']}
    validatePatch(request)
    const target = await this.target(flags)
    const api = flags.local ? undefined : await this.openApi(target)
    const errors = runPatch(api, target, {
      ...request,
      files: flags.filename ?? [],
      recursive: flags.recursive,
      output: flags.output,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
