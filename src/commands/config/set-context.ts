import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {checkedClusterName} from '../../cluster/clusters.js'
import {updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Set a context entry in ksim config',
  description: 'Set a context entry in the ksim config.\n\nSpecifying a name that already exists will merge new fields on top of existing values for those fields.',
  examples: [
    '# Set the namespace of the current context\n<%= config.bin %> config set-context --current --namespace=kube-system',
    '# Point a new context at an existing cluster\n<%= config.bin %> config set-context dev-sys --cluster=dev --namespace=kube-system',
  ],
  args: {
    name: Args.string({description: 'context name'}),
  },
  flags: {
    cluster: Flags.string({description: 'cluster for the context entry in ksim config'}),
    current: Flags.boolean({description: 'Modify the current context', default: false}),
    user: Flags.string({description: 'user for the context entry in ksim config'}),
  },
  async run(cmd, {args, flags}) {
    if (flags.current && args.name) throw new CliError('you cannot specify both a context name and --current', true)
    if (flags.cluster) checkedClusterName(flags.cluster)
    let name: string | undefined
    let exists = false
    // the check and the change under one lock: concurrent set-contexts each see the others' contexts
    await updateConfig((c) => {
      name = flags.current ? c.currentContext : args.name
      if (!name) throw new CliError(flags.current ? 'no current context is set' : 'you must specify a non-empty context name or --current', true)
      const old = c.contexts.get(name)
      exists = old !== undefined
      // as kubectl: a new context holds whatever it was given, even no cluster (using it then says so)
      const entry = {...(old ?? {cluster: ''})}
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
