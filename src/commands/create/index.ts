import {Flags} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../../cli/base-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag, filenameFlag, recursiveFlag, validateFlag} from '../../cli/flags.js'
import {createFromItems} from '../../cli/verbs/create.js'
import {readStdin} from '../../cli/resource/stdin.js'
import {outputFlag} from '../../cli/print/print-flags.js'

export default class Create extends KsimCommand {
  static override description = "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted."

  static override examples = [
    '# Create a pod using the data in pod.yaml\n<%= config.bin %> create -f ./pod.yaml',
    '# Create a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> create -f -',
    '# Create every manifest in a directory tree\n<%= config.bin %> create -f ./manifests -R',
  ]

  static override flags = {
    filename: filenameFlag,
    recursive: recursiveFlag,
    'dry-run': dryRunFlag,
    output: outputFlag,
    validate: validateFlag,
    'save-config': Flags.boolean({description: 'If true, the configuration of current object will be saved in its annotation.', default: false}),
  }

  // arguments are refused in kubectl's words below, not oclif's
  static override strict = false

  static override summary = 'Create a resource from a file or from stdin'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Create)
    if (!flags.filename || flags.filename.length === 0) {
      throw new CliError('must specify -f', true)
    }
    if (argv.length > 0) throw new CliError(`Unexpected args: [${argv.join(' ')}]`, true)
    const target = await this.target(flags)
    const api = flags['dry-run'] === 'client' ? undefined : await this.openApi(target)
    const errors = createFromItems({
      args: flags.filename,
      recursive: flags.recursive,
      validate: flags.validate,
      dryRun: flags['dry-run'],
      output: flags.output,
      saveConfig: flags['save-config'],
      target,
      api,
      stdin: readStdin,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
