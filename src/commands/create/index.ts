import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {createFlags, createFromItems, validateCreate} from '../../cli/verbs/create.js'

export default defineCommand({
  summary: 'Create a resource from a file or from stdin',
  description: "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.",
  examples: [
    '# Create a pod using the data in pod.yaml\n<%= config.bin %> create -f ./pod.yaml',
    '# Create a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> create -f -',
    '# Create every manifest in a directory tree\n<%= config.bin %> create -f ./manifests -R',
  ],
  flags: createFlags,
  // arguments are refused in kubectl's words below, not oclif's
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    validateCreate(argv, flags)
    const target = await cmd.target(flags)
    const api = flags['dry-run'] === 'client' ? undefined : await cmd.openApi(target)
    return createFromItems(api, target, flags, cmd.sinks())
  },
})
