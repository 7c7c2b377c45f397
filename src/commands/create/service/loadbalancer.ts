import {Args} from '@oclif/core'

import {generatorFlags, serviceCommand, tcpFlag} from '../../../cli/verbs/generator-command.js'

export default serviceCommand('LoadBalancer', {
  summary: 'Create a LoadBalancer service',
  description: 'Create a LoadBalancer service with the specified name.',
  examples: ['# Create a new LoadBalancer service named my-lbs\n<%= config.bin %> create service loadbalancer my-lbs --tcp=5678:8080'],
  aliases: ['create:svc:loadbalancer'],
  args: {
    name: Args.string({description: 'service name'}),
  },
  flags: {...generatorFlags, tcp: tcpFlag},
})
