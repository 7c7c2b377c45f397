import {Args} from '@oclif/core'

import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'

export default generatorCommand(
  {
    summary: 'Create a namespace with the specified name',
    description: 'Create a namespace with the specified name.',
    examples: ['# Create a new namespace named my-namespace\n<%= config.bin %> create namespace my-namespace'],
    aliases: ['create:ns'],
    args: {
      name: Args.string({description: 'namespace name'}),
    },
    flags: generatorFlags,
  },
  (name) => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name}}),
)
