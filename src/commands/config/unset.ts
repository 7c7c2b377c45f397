import {Args} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {unsetProperty} from '../../cli/verbs/config-property.js'
import {updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Unset an individual value in a kubeconfig file',
  description:
    'Unset an individual value in a kubeconfig file.\n\n PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.',
  examples: ['# Unset the current-context\n<%= config.bin %> config unset current-context', '# Unset namespace in foo context\n<%= config.bin %> config unset contexts.foo.namespace'],
  usage: 'config unset PROPERTY_NAME',
  args: {
    property: Args.string({description: 'PROPERTY_NAME'}),
  },
  async run(cmd, {args}) {
    if (args.property === undefined) throw new CliError('Unexpected args: []')
    const property = args.property
    await updateConfig((cfg) => unsetProperty(cfg, property))
    cmd.out(`Property "${property}" unset.\n`)
  },
})
