import {KsimCommand} from '../cli/base-command.js'
import {describeArgs, describeFlags, runDescribe} from '../cli/verbs/describe.js'

export default class Describe extends KsimCommand {
  static override args = describeArgs

  static override description = "Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ <%= config.bin %> describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse \"<%= config.bin %> api-resources\" for a complete list of supported resources."

  static override examples = [
    '# Describe a node\n<%= config.bin %> describe nodes ksim-worker',
    '# Describe a pod\n<%= config.bin %> describe pods/nginx',
    '# Describe a pod identified by type and name in "pod.json"\n<%= config.bin %> describe -f pod.json',
    '# Describe all pods\n<%= config.bin %> describe pods',
    "# Describe pods by label name=myLabel\n<%= config.bin %> describe pods -l name=myLabel",
    '# Describe all pods whose names start with "frontend"\n<%= config.bin %> describe pods frontend',
  ]

  static override flags = describeFlags

  static override strict = false

  static override summary = 'Show details of a specific resource or group of resources'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Describe)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.failOn(runDescribe(api, target, argv as string[], flags, this.sinks()))
  }
}
