import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'
import {defaultFilename} from '../../config/kubeconfig-files.js'

export default defineCommand({
  summary: 'Delete the specified cluster from the kubeconfig',
  description: 'Delete the specified cluster from the kubeconfig.',
  examples: ['# Delete the minikube cluster\n<%= config.bin %> config delete-cluster minikube'],
  args: {
    name: Args.string({description: 'cluster name'}),
  },
  async run(cmd, {args}) {
    if (!args.name) throw new CliError('Unexpected args: []')
    const name = args.name
    await updateConfig((cfg) => {
      if (!cfg.clusters.has(name)) throw new CliError(`cannot delete cluster ${name}, not in ${defaultFilename()}`)
      cfg.clusters.delete(name)
    })
    cmd.out(`deleted cluster ${name} from ${defaultFilename()}\n`)
  },
})
