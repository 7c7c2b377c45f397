import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../../../cli/base-command.js'
import {CliError} from '../../../cli/errors.js'
import {dryRunFlag} from '../../../cli/flags.js'
import {runCreateService} from '../../../cli/create-service.js'

export default class CreateServiceClusterIP extends KsimCommand {
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
    'dry-run': dryRunFlag,
    output: Flags.option({char: 'o', options: ['name', 'yaml', 'json'] as const, description: 'Output format. One of: (json, yaml, name).'})(),
    tcp: Flags.string({description: "Port pairs can be specified as '<port>:<targetPort>'.", multiple: true, delimiter: ','}),
  }

  static override strict = false

  static override summary = 'Create a ClusterIP service'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(CreateServiceClusterIP)
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const target = await this.target(flags)
    const api = flags['dry-run'] === 'client' ? undefined : await this.openApi(target)
    const opts = {name: String(argv[0]), namespace: target.namespace, type: 'ClusterIP' as const, tcp: flags.tcp ?? [], clusterIP: flags.clusterip}
    runCreateService(opts, {api, dryRun: flags['dry-run'], output: flags.output, explicitNamespace: target.namespaceExplicit ? target.namespace : undefined, out: (s) => this.out(s), err: (s) => this.warn2(s)})
    if (flags['dry-run'] === 'none') await this.ensureReconcilerRunning(target)
  }
}
