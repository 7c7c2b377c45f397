
import {applyFlags, runApply, validateApply} from '../cli/verbs/apply.js'
import {KsimCommand, unlessDryRun} from '../cli/base-command.js'

export default class Apply extends KsimCommand {
  static override description = "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted."

  static override examples = [
    '# Apply the configuration in pod.json to a pod\n<%= config.bin %> apply -f ./pod.json',
    '# Apply the JSON passed into stdin to a pod\ncat pod.json | <%= config.bin %> apply -f -',
    '# Apply every manifest in a directory tree\n<%= config.bin %> apply -f ./manifests -R',
  ]

  static override flags = applyFlags

  static override summary = 'Apply a configuration to a resource by file name or stdin'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {flags} = await this.parse(Apply)
    validateApply(flags)
    const target = await this.target(flags)
    const api = await this.openApi(target)
    this.failOn(runApply(api, target, flags, this.sinks()))
  }
}
