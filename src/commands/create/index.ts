import {KsimCommand, unlessDryRun} from '../../cli/base-command.js'
import {createFlags, createFromItems, validateCreate} from '../../cli/verbs/create.js'

export default class Create extends KsimCommand {
  static override description = "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted."

  static override examples = [
    '# Create a pod using the data in pod.yaml\n<%= config.bin %> create -f ./pod.yaml',
    '# Create a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> create -f -',
    '# Create every manifest in a directory tree\n<%= config.bin %> create -f ./manifests -R',
  ]

  static override flags = createFlags

  // arguments are refused in kubectl's words below, not oclif's
  static override strict = false

  static override summary = 'Create a resource from a file or from stdin'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Create)
    validateCreate(argv as string[], flags)
    const target = await this.target(flags)
    const api = flags['dry-run'] === 'client' ? undefined : await this.openApi(target)
    this.failOn(createFromItems(api, target, flags, this.sinks()))
  }
}
