
import {runApply} from '../cli/verbs/apply.js'
import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {dryRunFlag, filenameFlag, recursiveFlag, validateFlag} from '../cli/flags.js'
import {readStdin} from '../cli/resource/stdin.js'
import {outputFlag} from '../cli/print/print-flags.js'

export default class Apply extends KsimCommand {
  static override description = "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted."

  static override examples = [
    '# Apply the configuration in pod.json to a pod\n<%= config.bin %> apply -f ./pod.json',
    '# Apply the JSON passed into stdin to a pod\ncat pod.json | <%= config.bin %> apply -f -',
    '# Apply every manifest in a directory tree\n<%= config.bin %> apply -f ./manifests -R',
  ]

  static override flags = {
    'dry-run': dryRunFlag,
    filename: filenameFlag,
    output: outputFlag,
    recursive: recursiveFlag,
    validate: validateFlag,
  }

  static override summary = 'Apply a configuration to a resource by file name or stdin'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {flags} = await this.parse(Apply)
    if (!flags.filename || flags.filename.length === 0) throw new CliError('must specify -f')
    const target = await this.target(flags)
    const api = await this.openApi(target)
    const errors = runApply({
      args: flags.filename,
      recursive: flags.recursive,
      validate: flags.validate,
      dryRun: flags['dry-run'],
      output: flags.output,
      target,
      api,
      stdin: readStdin,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
