import {Args, Flags} from '@oclif/core'

import {CreateServiceCommand, generatorFlags, tcpFlag} from '../../../cli/verbs/generator-command.js'

export default class CreateServiceNodePort extends CreateServiceCommand {
  static override aliases = ['create:svc:nodeport']

  static override args = {
    name: Args.string({description: 'service name'}),
  }

  static override description = 'Create a NodePort service with the specified name.'

  static override examples = ['# Create a new NodePort service named my-ns\n<%= config.bin %> create service nodeport my-ns --tcp=5678:8080']

  static override flags = {
    'dry-run': generatorFlags['dry-run'],
    'node-port': Flags.integer({description: 'Port used to expose the service on each node in a cluster.'}),
    output: generatorFlags.output,
    tcp: tcpFlag,
  }

  static override summary = 'Create a NodePort service'

  protected readonly type = 'NodePort'
}
