import {Args, Flags} from '@oclif/core'

import {CreateServiceCommand, generatorFlags, tcpFlag} from '../../../cli/verbs/generator-command.js'

export default class CreateServiceClusterIP extends CreateServiceCommand {
  static override aliases = ['create:svc:clusterip']

  static override args = {
    name: Args.string({description: 'service name'}),
  }

  static override description = 'Create a ClusterIP service with the specified name.'

  static override examples = [
    '# Create a new ClusterIP service named my-cs\n<%= config.bin %> create service clusterip my-cs --tcp=5678:8080',
    '# Create a new ClusterIP service named my-cs (in headless mode)\n<%= config.bin %> create service clusterip my-cs --clusterip="None"',
  ]

  static override flags = {
    clusterip: Flags.string({description: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."}),
    ...generatorFlags,
    tcp: tcpFlag,
  }

  static override summary = 'Create a ClusterIP service'

  protected readonly type = 'ClusterIP'
}
