import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'
import {defaultFilename} from '../../config/kubeconfig-files.js'

export default defineCommand({
  summary: 'Rename a context from the kubeconfig file',
  description:
    "Renames a context from the kubeconfig file.\n\n CONTEXT_NAME is the context name that you want to change.\n\n NEW_NAME is the new name you want to set.\n\n Note: If the context being renamed is the 'current-context', this field will also be updated.",
  examples: ["# Rename the context 'old-name' to 'new-name' in your kubeconfig file\n<%= config.bin %> config rename-context old-name new-name"],
  args: {
    old: Args.string({description: 'context name'}),
    new: Args.string({description: 'new name'}),
  },
  async run(cmd, {args}) {
    if (args.old === undefined || args.new === undefined) throw new CliError(`Unexpected args: [${[args.old, args.new].filter((a) => a !== undefined).join(' ')}]`)
    const from = args.old
    const to = args.new
    await updateConfig((cfg) => {
      const entry = cfg.contexts.get(from)
      if (!entry) throw new CliError(`cannot rename the context "${from}", it's not in ${defaultFilename()}`)
      if (cfg.contexts.has(to)) throw new CliError(`cannot rename the context "${from}", the context "${to}" already exists in ${defaultFilename()}`)
      cfg.contexts.delete(from)
      cfg.contexts.set(to, entry)
      if (cfg.currentContext === from) cfg.currentContext = to
    })
    cmd.out(`Context "${from}" renamed to "${to}".\n`)
  },
})
