import {defineCommand} from '../cli/define-command.js'
import {logsArgs, logsFlags, LOGS_USAGE} from '../cli/verbs/logs-flags.js'
import {runLogs} from '../cli/verbs/logs.js'

export default defineCommand({
  summary: 'Print the logs for a container in a pod',
  description: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  usage: LOGS_USAGE,
  examples: [
    '# Return snapshot logs from pod nginx with only one container\n<%= config.bin %> logs nginx',
    '# Return snapshot logs from pod nginx with multi containers\n<%= config.bin %> logs nginx --all-containers=true',
    '# Return snapshot logs from all containers in pods defined by label app=nginx\n<%= config.bin %> logs -lapp=nginx --all-containers=true',
    '# Return snapshot of previous terminated ruby container logs from pod web-1\n<%= config.bin %> logs -p -c ruby web-1',
    '# Begin streaming the logs of the ruby container in pod web-1\n<%= config.bin %> logs -f -c ruby web-1',
    '# Display only the most recent 20 lines of output in pod nginx\n<%= config.bin %> logs --tail=20 nginx',
    '# Show all logs from pod nginx written in the last hour\n<%= config.bin %> logs --since=1h nginx',
    '# Return snapshot logs from first container of a job named hello\n<%= config.bin %> logs job/hello',
    '# Return snapshot logs from container nginx-1 of a deployment named nginx\n<%= config.bin %> logs deployment/nginx -c nginx-1',
  ],
  args: logsArgs,
  flags: logsFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    const {target, api} = await cmd.open(flags)
    return runLogs(api, target, argv as string[], flags, {...cmd.sinks(), beforeWait: () => cmd.ensureReconcilerRunning(target)})
  },
})
