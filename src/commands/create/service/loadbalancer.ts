import {Args} from '@oclif/core'

import {CreateServiceCommand, generatorFlags, tcpFlag} from '../../../cli/verbs/generator-command.js'

export default class CreateServiceLoadBalancer extends CreateServiceCommand {
  static override aliases = ['create:svc:loadbalancer']

  static override args = {
    name: Args.string({description: 'service name'}),
  }

  static override description = 'Create a LoadBalancer service with the specified name.'

  static override examples = ['# Create a new LoadBalancer service named my-lbs\n<%= config.bin %> create service loadbalancer my-lbs --tcp=5678:8080']

  static override flags = {...generatorFlags, tcp: tcpFlag}

  static override summary = 'Create a LoadBalancer service'

  protected readonly type = 'LoadBalancer'
}
