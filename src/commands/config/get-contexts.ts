import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {readConfig} from '../../config/contexts.js'
import {formatTable as renderRows} from '../../printers/tabwriter.js'

export default defineCommand({
  summary: 'Describe one or many contexts',
  description: 'Display one or many contexts from the ksim config.',
  examples: [
    '# List all the contexts\n<%= config.bin %> config get-contexts',
    '# Describe one context\n<%= config.bin %> config get-contexts my-context',
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
    let names = [...cfg.contexts.keys()].sort()
    if (args.name) {
      if (!cfg.contexts.has(args.name)) throw new CliError(`context ${args.name} not found`)
      names = [args.name]
    }
    if (flags.output === 'name') {
      cmd.out(names.map((n) => `${n}\n`).join(''))
      return
    }
    const rows = names.map((n) => {
      const entry = cfg.contexts.get(n)!
      return [n === cfg.currentContext ? '*' : '', n, entry.cluster, entry.user ?? entry.cluster, entry.namespace ?? '']
    })
    cmd.out(renderRows(flags['no-headers'] ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]))
  },
})
