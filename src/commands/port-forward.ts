import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'
import {parseDuration} from '../cli/duration-flag.js'
import {CliError} from '../cli/errors.js'
import {runPortForward} from '../cli/verbs/port-forward.js'

export default defineCommand({
  summary: 'Forward one or more local ports to a pod',
  description:
    'Forward one or more local ports to a pod.\n\nUse resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to \'pod\' if omitted.\n\nIf there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.\n\nPods of the process runtime (RuntimeClass ksim-process) are reached inside their own network namespace; simulated pods run nothing, so nothing listens in them.',
  usage: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  examples: [
    '# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod\n<%= config.bin %> port-forward pod/mypod 5000 6000',
    '# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment\n<%= config.bin %> port-forward deployment/mydeployment 5000 6000',
    '# Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service\n<%= config.bin %> port-forward service/myservice 8443:https',
    '# Listen on port 8888 locally, forwarding to 5000 in the pod\n<%= config.bin %> port-forward pod/mypod 8888:5000',
    '# Listen on port 8888 on all addresses, forwarding to 5000 in the pod\n<%= config.bin %> port-forward --address 0.0.0.0 pod/mypod 8888:5000',
    '# Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod\n<%= config.bin %> port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000',
    '# Listen on a random port locally, forwarding to 5000 in the pod\n<%= config.bin %> port-forward pod/mypod :5000',
  ],
  args: {
    resource: Args.string({description: 'TYPE/NAME'}),
  },
  flags: {
    address: Flags.string({description: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.', default: 'localhost'}),
    'pod-running-timeout': Flags.string({description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', default: '1m0s'}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    // kubectl's Complete refuses this before it reads anything
    if (argv.length < 2) throw new CliError('TYPE/NAME and list of ports are required for port-forward', true)
    const timeoutMs = parseDuration(flags['pod-running-timeout'], 'pod-running-timeout')
    const {target, api} = await cmd.open(flags)
    await runPortForward(api, target, argv as string[], {addresses: flags.address.split(','), timeoutMs}, {...cmd.sinks(), beforeWait: () => cmd.ensureReconcilerRunning(target)})
    return []
  },
})
