import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {runSetServiceAccount, setServiceAccountArgs, setServiceAccountFlags} from '../../cli/verbs/set-serviceaccount.js'

export default defineCommand({
  summary: 'Update the service account of a resource',
  description: `Update the service account of pod template resources.

 Possible resources (case insensitive) can be:

 replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset`,
  examples: [
    "# Set deployment nginx-deployment's service account to serviceaccount1\n<%= config.bin %> set serviceaccount deployment nginx-deployment serviceaccount1",
    '# Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server\n<%= config.bin %> set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml',
  ],
  usage: 'set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT',
  aliases: ['set:sa'],
  args: setServiceAccountArgs,
  flags: setServiceAccountFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runSetServiceAccount(api, target, argv, flags, cmd.sinks())
  },
})
