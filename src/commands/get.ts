import {defineCommand} from '../cli/define-command.js'
import {runGet, validateGet} from '../cli/verbs/get.js'
import {getArgs, getFlags} from '../cli/verbs/get-flags.js'
import {validateRawGet} from '../cli/verbs/raw.js'

export default defineCommand({
  summary: 'Display one or many resources',
  description: "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"<%= config.bin %> api-resources\" for a complete list of supported resources.",
  examples: [
    '# List all pods in ps output format\n<%= config.bin %> get pods',
    '# List all pods in ps output format with more information (such as node name)\n<%= config.bin %> get pods -o wide',
    '# List a single pod in JSON output format\n<%= config.bin %> get -o json pod web-pod-13je7',
    '# List a pod identified by type and name specified in "pod.yaml" in JSON output format\n<%= config.bin %> get -f pod.yaml -o json',
    "# Return only the phase value of the specified pod\n<%= config.bin %> get -o template pod/web-pod-13je7 --template={{.status.phase}}",
    '# List all replication controllers and services together in ps output format\n<%= config.bin %> get pods,nodes',
    '# List one or more resources by their type and names\n<%= config.bin %> get pod/web-pod-13je7 pod/web-pod-aaaaa',
    "# List the names and phases of every pod\n<%= config.bin %> get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'",
  ],
  args: getArgs,
  flags: getFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    if (flags.raw !== undefined) {
      // one request answered as `ksim serve` answers it, its body written as it is (kubectl's RawGet)
      validateRawGet(flags.raw, argv, flags.output)
      const {api} = await cmd.open(flags)
      const [{answerRaw}, {versionInfo}] = await Promise.all([import('../serve/raw.js'), import('../cli/verbs/version.js')])
      cmd.out((await answerRaw(api, {...versionInfo(true)}, {method: 'GET', path: flags.raw})).toString())
      return
    }
    validateGet(argv, flags, cmd.sinks(), cmd.config.bin)
    const {target, api} = await cmd.open(flags)
    return runGet(api, target, argv, flags, {...cmd.sinks(), report: (lines) => cmd.reportErrors(lines)})
  },
})
