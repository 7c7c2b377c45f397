import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'
import {defaultFilename} from '../../config/kubeconfig-files.js'

export default defineCommand({
  summary: 'Delete the specified context from the kubeconfig',
  description: 'Delete the specified context from the kubeconfig.',
  examples: ['# Delete the context for the minikube cluster\n<%= config.bin %> config delete-context minikube'],
  args: {
    name: Args.string({description: 'context name'}),
  },
  async run(cmd, {args}) {
    if (!args.name) throw new CliError('Unexpected args: []')
    const name = args.name
    let wasCurrent = false
    await updateConfig((cfg) => {
      if (!cfg.contexts.has(name)) throw new CliError(`cannot delete context ${name}, not in ${defaultFilename()}`)
      cfg.contexts.delete(name)
      // as kubectl: current-context stays, naming a context that is gone
      wasCurrent = cfg.currentContext === name
    })
    if (wasCurrent) cmd.stderrLine(`warning: this removed your active context, use "${cmd.config.bin} config use-context" to select a different one`)
    cmd.out(`deleted context ${name} from ${defaultFilename()}\n`)
  },
})
