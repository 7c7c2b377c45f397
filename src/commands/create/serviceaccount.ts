import {Args} from '@oclif/core'

import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {GeneratorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'

export default class CreateServiceAccount extends GeneratorCommand {
  static override aliases = ['create:sa']

  static override args = {
    name: Args.string({description: 'service account name'}),
  }

  static override description = 'Create a service account with the specified name.'

  static override examples = ['# Create a new service account named my-service-account\n<%= config.bin %> create serviceaccount my-service-account']

  static override flags = generatorFlags

  static override summary = 'Create a service account with the specified name'

  protected generate(name: string, target: Target): KObject {
    return {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name, namespace: target.namespace}}
  }
}
