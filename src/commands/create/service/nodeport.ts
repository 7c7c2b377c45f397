import {Args, Flags} from '@oclif/core'

import {generatorFlags, serviceCommand, tcpFlag} from '../../../cli/verbs/generator-command.js'

export default serviceCommand('NodePort', {
  summary: 'Create a NodePort service',
  description: 'Create a NodePort service with the specified name.',
  examples: ['# Create a new NodePort service named my-ns\n<%= config.bin %> create service nodeport my-ns --tcp=5678:8080'],
  aliases: ['create:svc:nodeport'],
  args: {
    name: Args.string({description: 'service name'}),
  },
  flags: {
    'dry-run': generatorFlags['dry-run'],
    'node-port': Flags.integer({description: 'Port used to expose the service on each node in a cluster.'}),
    'allow-missing-template-keys': generatorFlags['allow-missing-template-keys'],
    output: generatorFlags.output,
    'show-managed-fields': generatorFlags['show-managed-fields'],
    template: generatorFlags.template,
    tcp: tcpFlag,
  },
})
