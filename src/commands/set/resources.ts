import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {runSetResources, setResourcesArgs, setResourcesFlags} from '../../cli/verbs/set-resources.js'

export default defineCommand({
  summary: 'Update resource requests/limits on objects with pod templates',
  description: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "<%= config.bin %> api-resources" for a complete list of supported resources..`,
  examples: [
    '# Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"\n<%= config.bin %> set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi',
    '# Set the resource request and limits for all containers in nginx\n<%= config.bin %> set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
    '# Remove the resource requests for resources on containers in nginx\n<%= config.bin %> set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0',
    '# Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server\n<%= config.bin %> set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml',
  ],
  usage: 'set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
  args: setResourcesArgs,
  flags: setResourcesFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runSetResources(api, target, argv, flags, cmd.sinks())
  },
})
