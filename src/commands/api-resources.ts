import {Flags} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'
import {CliError} from '../cli/errors.js'

export default defineCommand({
  summary: 'Print the supported API resources on the server',
  description: 'Print the supported API resources on the server.',
  examples: [
    '# Print the supported API resources\n<%= config.bin %> api-resources',
    '# Print the supported API resources with more information\n<%= config.bin %> api-resources -o wide',
    '# Print the supported API resources sorted by a column\n<%= config.bin %> api-resources --sort-by=name',
    '# Print the supported namespaced resources\n<%= config.bin %> api-resources --namespaced=true',
    '# Print the supported non-namespaced resources\n<%= config.bin %> api-resources --namespaced=false',
    '# Print the supported API resources with a specific APIGroup\n<%= config.bin %> api-resources --api-group=apps',
  ],
  flags: {
    'api-group': Flags.string({description: 'Limit to resources in the specified API group.'}),
    // ksim reads its registry directly: there is no discovery cache to use or to skip
    cached: Flags.boolean({description: 'Use the cached list of resources if available.', default: false}),
    categories: Flags.string({description: 'Limit to resources that belong to the specified categories.', multiple: true}),
    namespaced: Flags.boolean({
      description: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
      allowNo: true,
    }),
    'no-headers': Flags.boolean({description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false}),
    output: Flags.string({char: 'o', description: 'Output format. One of: (wide, name).'}),
    'sort-by': Flags.string({description: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'."}),
    verbs: Flags.string({description: 'Limit to resources that support the specified verbs.', multiple: true}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    // kubectl's order: arguments (Complete), then -o and --sort-by (Validate), then the server
    if (argv.length > 0) throw new CliError(`unexpected arguments: [${argv.join(' ')}]`, true)
    const output = flags.output ?? ''
    if (output !== '' && output !== 'wide' && output !== 'name') throw new CliError(`--output ${output} is not available`)
    const sortBy = flags['sort-by'] ?? ''
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new CliError('--sort-by accepts only name or kind')
    await cmd.openApi(await cmd.target(flags))
    const [{selectResources, servedResources}, {formatApiResources}] = await Promise.all([import('../api/discovery.js'), import('../printers/api-resources.js')])
    const resources = selectResources(
      servedResources(),
      {group: flags['api-group'], namespaced: flags.namespaced, verbs: commaList(flags.verbs), categories: commaList(flags.categories)},
      sortBy,
    )
    cmd.out(formatApiResources(resources, output, flags['no-headers']))
  },
})

/** A pflag StringSlice: repeated flags and comma-separated values both add items. */
function commaList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '')
}
