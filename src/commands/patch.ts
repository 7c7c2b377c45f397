import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {patchArgs, patchFlags, runPatch, validatePatch} from '../cli/verbs/patch.js'

export default class Patch extends KsimCommand {
  static override args = patchArgs

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

  static override flags = patchFlags

  static override strict = false

  static override summary = 'Update fields of a resource'

  static override usage = 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Patch)
    validatePatch(argv as string[], flags)
    const target = await this.target(flags)
    const api = flags.local ? undefined : await this.openApi(target)
    this.failOn(runPatch(api, target, argv as string[], flags, this.sinks()))
  }
}
