import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../../../cli/base-command.js'
import {CliError} from '../../../cli/errors.js'
import {dryRunFlag} from '../../../cli/flags.js'
import {runCreateService} from '../../../cli/create-service.js'

export default class CreateServiceLoadBalancer extends KsimCommand {
  static override aliases = ['create:svc:loadbalancer']

  static override args = {
    name: Args.string({description: 'service name'}),
  }

  static override description = 'Create a LoadBalancer service with the specified name.'

  static override examples = ['# Create a new LoadBalancer service named my-lbs\n<%= config.bin %> create service loadbalancer my-lbs --tcp=5678:8080']

  static override flags = {
    'dry-run': dryRunFlag,
    output: Flags.option({char: 'o', options: ['name', 'yaml', 'json'] as const, description: 'Output format. One of: (json, yaml, name).'})(),
    tcp: Flags.string({description: "Port pairs can be specified as '<port>:<targetPort>'.", multiple: true, delimiter: ','}),
  }

  static override strict = false

  static override summary = 'Create a LoadBalancer service'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(CreateServiceLoadBalancer)
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const target = await this.target(flags)
    const api = flags['dry-run'] === 'client' ? undefined : await this.openApi(target)
    const opts = {name: String(argv[0]), namespace: target.namespace, type: 'LoadBalancer' as const, tcp: flags.tcp ?? []}
    runCreateService(opts, {api, dryRun: flags['dry-run'], output: flags.output, explicitNamespace: target.namespaceExplicit ? target.namespace : undefined, out: (s) => this.out(s), err: (s) => this.warn2(s)})
    if (flags['dry-run'] === 'none') await this.ensureReconcilerRunning(target)
  }
}
