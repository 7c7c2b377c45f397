import {defineCommand} from '../cli/define-command.js'
import {unlessDryRun} from '../cli/base-command.js'
import {patchArgs, patchFlags, runPatch, validatePatch} from '../cli/verbs/patch.js'

export default defineCommand({
  summary: 'Update fields of a resource',
  description: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  examples: [
    "# Partially update a node using a strategic merge patch, specifying the patch as JSON\n<%= config.bin %> patch node k8s-node-1 -p '{\"spec\":{\"unschedulable\":true}}'",
    "# Partially update a node using a strategic merge patch, specifying the patch as YAML\n<%= config.bin %> patch node k8s-node-1 -p $'spec:\\n unschedulable: true'",
    '# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch\n<%= config.bin %> patch -f node.json -p \'{"spec":{"unschedulable":true}}\'',
    "# Update a container's image; spec.containers[*].name is required because it's a merge key\n<%= config.bin %> patch pod valid-pod -p '{\"spec\":{\"containers\":[{\"name\":\"kubernetes-serve-hostname\",\"image\":\"new image\"}]}}'",
    "# Update a container's image using a JSON patch with positional arrays\n<%= config.bin %> patch pod valid-pod --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/containers/0/image\", \"value\":\"new image\"}]'",
    "# Update a deployment's replicas through the 'scale' subresource using a merge patch\n<%= config.bin %> patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{\"spec\":{\"replicas\":2}}'",
  ],
  usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  args: patchArgs,
  flags: patchFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    validatePatch(argv, flags)
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runPatch(api, target, argv, flags, cmd.sinks())
  },
})
