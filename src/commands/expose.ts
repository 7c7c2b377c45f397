import {Flags} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {dryRunFlag} from '../cli/flags.js'
import {runExpose} from '../cli/verbs/expose.js'
import {MISSING_RESOURCE, resourcesFromArgs} from '../cli/resource/builder.js'
import {outputFlag} from '../cli/print/print-flags.js'

export default class Expose extends KsimCommand {
  static override description =
    "Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)"

  static override examples = [
    '# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n<%= config.bin %> expose deployment nginx --port=80 --target-port=8000',
    '# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"\n<%= config.bin %> expose pod valid-pod --port=444 --name=frontend',
  ]

  static override flags = {
    'cluster-ip': Flags.string({description: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."}),
    'dry-run': dryRunFlag,
    'external-ip': Flags.string({description: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.'}),
    labels: Flags.string({char: 'l', description: 'Labels to apply to the service created by this call.'}),
    'load-balancer-ip': Flags.string({description: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).'}),
    name: Flags.string({description: 'The name for the newly created object.'}),
    output: outputFlag,
    port: Flags.string({description: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified'}),
    protocol: Flags.string({description: 'The network protocol for the service to be created. Default is \'TCP\'.'}),
    selector: Flags.string({description: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)'}),
    'session-affinity': Flags.string({description: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"}),
    'target-port': Flags.string({description: 'Name or number for the port on the container that the service should direct traffic to. Optional.'}),
    type: Flags.string({description: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."}),
  }

  static override strict = false

  static override summary = 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Expose)
    const target = await this.target(flags)
    // opening the API registers the kinds the arguments name
    const api = await this.openApi(target)
    const found = resourcesFromArgs(api, {namespace: target.namespace, args: argv.map(String), missing: new CliError(MISSING_RESOURCE, true), latest: true})
    // a missing object stops the command before anything is exposed
    if (found.errors.length > 0) throw found.errors[0]
    const opts = {
      port: flags.port, protocol: flags.protocol, targetPort: flags['target-port'], name: flags.name, type: flags.type, selector: flags.selector, labels: flags.labels,
      clusterIP: flags['cluster-ip'], externalIP: flags['external-ip'], loadBalancerIP: flags['load-balancer-ip'], sessionAffinity: flags['session-affinity'],
    }
    for (const {rt, object} of found.infos) runExpose(api, rt, object!, target.namespace, opts, {dryRun: flags['dry-run'], output: flags.output, out: (s) => this.out(s), err: (s) => this.stderrLine(s)})
  }
}
