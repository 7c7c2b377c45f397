import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {readStdin} from '../../cli/resource/stdin.js'
import {runSetEnv, setEnvArgs, setEnvFlags} from '../../cli/verbs/set-env.js'

export default defineCommand({
  summary: 'Update environment variables on a pod template',
  description: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  examples: [
    "# Update deployment 'registry' with a new environment variable\n<%= config.bin %> set env deployment/registry STORAGE_DIR=/local",
    "# List the environment variables defined on a deployments 'sample-build'\n<%= config.bin %> set env deployment/sample-build --list",
    '# List the environment variables defined on all pods\n<%= config.bin %> set env pods --all --list',
    '# Output modified deployment in YAML, and does not alter the object on the server\n<%= config.bin %> set env deployment/sample-build STORAGE_DIR=/data -o yaml',
    '# Update all containers in all replication controllers in the project to have ENV=prod\n<%= config.bin %> set env rc --all ENV=prod',
    '# Import environment from a secret\n<%= config.bin %> set env --from=secret/mysecret deployment/myapp',
    '# Import environment from a config map with a prefix\n<%= config.bin %> set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp',
    '# Import specific keys from a config map\n<%= config.bin %> set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp',
    '# Remove the environment variable ENV from container \'c1\' in all deployment configs\n<%= config.bin %> set env deployments --all --containers="c1" ENV-',
    '# Remove the environment variable ENV from a deployment definition on disk and\n# update the deployment config on the server\n<%= config.bin %> set env -f deploy.json ENV-',
    '# Set some of the local shell environment into a deployment config on the server\nenv | grep RAILS_ | <%= config.bin %> set env -e - deployment/registry',
  ],
  usage: 'set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  args: setEnvArgs,
  flags: setEnvFlags,
  strict: false,
  writes: (flags) => !flags.list && unlessDryRun(flags),
  async run(cmd, {argv, flags}) {
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runSetEnv(api, target, argv, flags, cmd.sinks(), readStdin)
  },
})
