import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'
import {defaultFilename} from '../../config/kubeconfig-files.js'

export default defineCommand({
  summary: 'Delete the specified user from the kubeconfig',
  description: 'Delete the specified user from the kubeconfig.',
  examples: ['# Delete the minikube user\n<%= config.bin %> config delete-user minikube'],
  args: {
    name: Args.string({description: 'user name'}),
  },
  async run(cmd, {args}) {
    if (!args.name) throw new CliError('Unexpected args: []')
    const name = args.name
    await updateConfig((cfg) => {
      if (!cfg.users.has(name)) throw new CliError(`cannot delete user ${name}, not in ${defaultFilename()}`)
      cfg.users.delete(name)
    })
    cmd.out(`deleted user ${name} from ${defaultFilename()}\n`)
  },
})
