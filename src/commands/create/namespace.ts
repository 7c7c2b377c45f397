import {Args} from '@oclif/core'

import type {KObject} from '../../api/types.js'

import {GeneratorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'

export default class CreateNamespace extends GeneratorCommand {
  static override aliases = ['create:ns']

  static override args = {
    name: Args.string({description: 'namespace name'}),
  }

  static override description = 'Create a namespace with the specified name.'

  static override examples = ['# Create a new namespace named my-namespace\n<%= config.bin %> create namespace my-namespace']

  static override flags = generatorFlags

  static override summary = 'Create a namespace with the specified name'

  protected generate(name: string): KObject {
    return {apiVersion: 'v1', kind: 'Namespace', metadata: {name}}
  }
}
