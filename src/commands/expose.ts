import {defineCommand} from '../cli/define-command.js'
import {unlessDryRun} from '../cli/base-command.js'
import {exposeFlags, runExpose} from '../cli/verbs/expose.js'

export default defineCommand({
  summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  description:
    "Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)",
  examples: [
    '# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n<%= config.bin %> expose deployment nginx --port=80 --target-port=8000',
    '# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"\n<%= config.bin %> expose pod valid-pod --port=444 --name=frontend',
  ],
  flags: exposeFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    // opening the API registers the kinds the arguments name
    const {target, api} = await cmd.open(flags)
    await runExpose(api, target, argv, flags, cmd.sinks())
  },
})
