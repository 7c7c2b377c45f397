import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {recursiveFlag, selectorFlag} from '../../cli/flags.js'
import {viewLastApplied} from '../../cli/verbs/view-last-applied.js'

export default defineCommand({
  summary: 'View the latest last-applied-configuration annotations of a resource/object',
  description: 'View the latest last-applied-configuration annotations by type/name or file.\n\n The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.',
  examples: [
    '# View the last-applied-configuration annotations by type/name in YAML\n<%= config.bin %> apply view-last-applied deployment/nginx',
    '# View the last-applied-configuration annotations by file in JSON\n<%= config.bin %> apply view-last-applied -f deploy.yaml -o json',
  ],
  usage: 'apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
  flags: {
    output: Flags.string({char: 'o', description: 'Output format. Must be one of (yaml, json)', default: 'yaml'}),
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types', default: false}),
    filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files that contains the last-applied-configuration annotations', multiple: true, multipleNonGreedy: true, delimiter: ','}),
    recursive: recursiveFlag,
    selector: selectorFlag,
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const {target, api} = await cmd.open(flags)
    cmd.out(viewLastApplied(api, target, argv, flags))
  },
})
