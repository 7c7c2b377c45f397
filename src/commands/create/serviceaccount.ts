import {Args} from '@oclif/core'

import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'

export default generatorCommand(
  {
    summary: 'Create a service account with the specified name',
    description: 'Create a service account with the specified name.',
    examples: ['# Create a new service account named my-service-account\n<%= config.bin %> create serviceaccount my-service-account'],
    aliases: ['create:sa'],
    args: {
      name: Args.string({description: 'service account name'}),
    },
    flags: generatorFlags,
  },
  (name, target) => ({apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name, namespace: target.namespace}}),
)
