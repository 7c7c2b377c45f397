import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Set a context entry in kubeconfig',
  description: 'Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.',
  examples: [
    '# Set the user field on the gce context entry without touching other values\n<%= config.bin %> config set-context gce --user=cluster-admin',
    '# Set the namespace of the current context\n<%= config.bin %> config set-context --current --namespace=kube-system',
    '# Point a new context at an existing ksim cluster\n<%= config.bin %> config set-context dev-sys --cluster=dev --namespace=kube-system',
  ],
  args: {
    name: Args.string({description: 'context name'}),
  },
  flags: {
    cluster: Flags.string({description: 'cluster for the context entry in kubeconfig'}),
    current: Flags.boolean({description: 'Modify the current context', default: false}),
    user: Flags.string({description: 'user for the context entry in kubeconfig'}),
  },
  async run(cmd, {args, flags}) {
    if (flags.current && args.name) throw new CliError('you cannot specify both a context name and --current', true)
    let name: string | undefined
    let exists = false
    // the check and the change under one lock: concurrent set-contexts each see the others' contexts
    await updateConfig((c) => {
      name = flags.current ? c.currentContext : args.name
      if (!name) throw new CliError(flags.current ? 'no current context is set' : 'you must specify a non-empty context name or --current', true)
      const old = c.contexts.get(name)
      exists = old !== undefined
      // as kubectl: a new context holds whatever it was given, even no cluster (using it then says so)
      const entry: Record<string, unknown> = {cluster: '', user: '', ...old}
      if (flags.cluster !== undefined) entry.cluster = flags.cluster
      if (flags.user !== undefined) entry.user = flags.user
      if (flags.namespace !== undefined) {
        if (flags.namespace === '') delete entry.namespace
        else entry.namespace = flags.namespace
      }
      c.contexts.set(name, entry)
    })
    cmd.out(`Context "${name!}" ${exists ? 'modified' : 'created'}.\n`)
  },
})
