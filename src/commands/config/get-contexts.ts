import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {readConfig} from '../../config/contexts.js'
import {field} from '../../config/kubeconfig.js'
import {formatTable as renderRows} from '../../printers/tabwriter.js'

export default defineCommand({
  summary: 'Describe one or many contexts',
  description: 'Display one or many contexts from the kubeconfig file.',
  examples: [
    '# List all the contexts in your kubeconfig file\n<%= config.bin %> config get-contexts',
    '# Describe one context in your kubeconfig file\n<%= config.bin %> config get-contexts my-context',
  ],
  args: {
    name: Args.string({description: 'context name'}),
  },
  flags: {
    'no-headers': Flags.boolean({description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false}),
    output: Flags.option({char: 'o', options: ['name'] as const, description: 'Output format. One of: (name).'})(),
  },
  async run(cmd, {args, flags}) {
    const cfg = readConfig()
    const all = [...cfg.contexts.keys()].sort()
    // as kubectl: the contexts found are printed, then one error for those that are not
    const names = args.name ? all.filter((n) => n === args.name) : all
    const missing = args.name && names.length === 0 ? [`error: context ${args.name} not found`] : []
    if (flags.output === 'name') {
      cmd.out(names.map((n) => `${n}\n`).join(''))
      return missing
    }
    const rows = names.map((n) => {
      const entry = cfg.contexts.get(n)!
      return [n === cfg.currentContext ? '*' : '', n, field(entry, 'cluster'), field(entry, 'user'), field(entry, 'namespace')]
    })
    cmd.out(renderRows(flags['no-headers'] ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]))
    return missing
  },
})
