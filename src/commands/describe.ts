import {defineCommand} from '../cli/define-command.js'
import {describeArgs, describeFlags, runDescribe} from '../cli/verbs/describe.js'

export default defineCommand({
  summary: 'Show details of a specific resource or group of resources',
  description: "Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ <%= config.bin %> describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse \"<%= config.bin %> api-resources\" for a complete list of supported resources.",
  examples: [
    '# Describe a node\n<%= config.bin %> describe nodes ksim-worker',
    '# Describe a pod\n<%= config.bin %> describe pods/nginx',
    '# Describe a pod identified by type and name in "pod.json"\n<%= config.bin %> describe -f pod.json',
    '# Describe all pods\n<%= config.bin %> describe pods',
    "# Describe pods by label name=myLabel\n<%= config.bin %> describe pods -l name=myLabel",
    '# Describe all pods whose names start with "frontend"\n<%= config.bin %> describe pods frontend',
  ],
  args: describeArgs,
  flags: describeFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    const {target, api} = await cmd.open(flags)
    return runDescribe(api, target, argv, flags, cmd.sinks())
  },
})
