
import {defineCommand} from '../../cli/define-command.js'
import {applyFlags, runApply, validateApply} from '../../cli/verbs/apply.js'
import {KsimCommand, unlessDryRun} from '../../cli/base-command.js'
import {recordFor} from '../../cli/record.js'

export default defineCommand({
  summary: 'Apply a configuration to a resource by file name or stdin',
  description: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.",
  examples: [
    '# Apply the configuration in pod.json to a pod\n<%= config.bin %> apply -f ./pod.json',
    '# Apply the JSON passed into stdin to a pod\ncat pod.json | <%= config.bin %> apply -f -',
    '# Apply every manifest in a directory tree\n<%= config.bin %> apply -f ./manifests -R',
  ],
  flags: applyFlags,
  writes: unlessDryRun,
  async run(cmd, {flags}) {
    validateApply(flags)
    const sinks = cmd.sinks()
    const cause = recordFor(flags.record, cmd.config.bin, {...KsimCommand.baseFlags, ...applyFlags}, sinks.err)
    const {target, api} = await cmd.open(flags)
    return runApply(api, target, flags, sinks, undefined, cause)
  },
})
