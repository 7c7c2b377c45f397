import {Args, Flags} from '@oclif/core'

import {generatorFlags, serviceCommand, tcpFlag} from '../../../cli/verbs/generator-command.js'

export default serviceCommand('ClusterIP', {
  summary: 'Create a ClusterIP service',
  description: 'Create a ClusterIP service with the specified name.',
  examples: [
    '# Create a new ClusterIP service named my-cs\n<%= config.bin %> create service clusterip my-cs --tcp=5678:8080',
    '# Create a new ClusterIP service named my-cs (in headless mode)\n<%= config.bin %> create service clusterip my-cs --clusterip="None"',
  ],
  aliases: ['create:svc:clusterip'],
  args: {
    name: Args.string({description: 'service name'}),
  },
  flags: {
    clusterip: Flags.string({description: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."}),
    ...generatorFlags,
    tcp: tcpFlag,
  },
})
