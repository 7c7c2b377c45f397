import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {runSetImage, setImageArgs, setImageFlags} from '../../cli/verbs/set-image.js'

export default defineCommand({
  summary: 'Update the image of a pod template',
  description: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  examples: [
    "# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n<%= config.bin %> set image deployment/nginx busybox=busybox nginx=nginx:1.9.1",
    "# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'\n<%= config.bin %> set image deployments,rc nginx=nginx:1.9.1 --all",
    "# Update image of all containers of daemonset abc to 'nginx:1.9.1'\n<%= config.bin %> set image daemonset abc *=nginx:1.9.1",
    '# Print result (in yaml format) of updating nginx container image from local file, without hitting the server\n<%= config.bin %> set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml',
  ],
  usage: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  args: setImageArgs,
  flags: setImageFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runSetImage(api, target, argv, flags, cmd.sinks())
  },
})
