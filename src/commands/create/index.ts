import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {createFlags, createFromItems, validateCreate} from '../../cli/verbs/create.js'
import {rawBody, validateRawCreate} from '../../cli/verbs/raw.js'

export default defineCommand({
  summary: 'Create a resource from a file or from stdin',
  description: "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.",
  examples: [
    '# Create a pod using the data in pod.yaml\n<%= config.bin %> create -f ./pod.yaml',
    '# Create a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> create -f -',
    '# Create every manifest in a directory tree\n<%= config.bin %> create -f ./manifests -R',
  ],
  flags: {
    ...createFlags,
    edit: Flags.boolean({description: 'Edit the API resource before creating', default: false}),
    raw: Flags.string({description: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.'}),
    'windows-line-endings': Flags.boolean({description: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.', default: false}),
  },
  // arguments are refused in kubectl's words below, not oclif's
  strict: false,
  // --edit creates whatever --dry-run says (kubectl's RunEditOnCreate takes no dry-run strategy)
  writes: (flags) => flags.edit === true || unlessDryRun(flags),
  async run(cmd, {argv, flags}) {
    if (flags.raw !== undefined) {
      // the file's bytes POSTed to the path, the answer written as it is (kubectl's RawPost)
      validateRawCreate(flags.raw, flags)
      const body = rawBody(flags.filename![0]!)
      const {api} = await cmd.open(flags)
      const [{answerRaw}, {versionInfo}] = await Promise.all([import('../../serve/raw.js'), import('../../cli/verbs/version.js')])
      cmd.wrote = true
      cmd.out((await answerRaw(api, {...versionInfo(true)}, {method: 'POST', path: flags.raw, body})).toString())
      return
    }
    validateCreate(argv, flags)
    const target = await cmd.target(flags)
    if (flags.edit) {
      const {runCreateEdit} = await import('../../cli/verbs/create-edit.js')
      return runCreateEdit(await cmd.openApi(target), target, flags, cmd.sinks(), cmd.config.bin)
    }
    const api = flags['dry-run'] === 'client' ? undefined : await cmd.openApi(target)
    return createFromItems(api, target, flags, cmd.sinks())
  },
})
