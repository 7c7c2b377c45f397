import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {setProperty} from '../../cli/verbs/config-property.js'
import {updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Set an individual value in a kubeconfig file',
  description:
    "Set an individual value in a kubeconfig file.\n\n PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.\n\n PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.\n\n Specifying an attribute name that already exists will merge new fields on top of existing values.",
  examples: [
    '# Set the server field on the my-cluster cluster to https://1.2.3.4\n<%= config.bin %> config set clusters.my-cluster.server https://1.2.3.4',
    '# Set the cluster field in the my-context context to my-cluster\n<%= config.bin %> config set contexts.my-context.cluster my-cluster',
    '# Set the client-key-data field in the cluster-admin user using --set-raw-bytes option\n<%= config.bin %> config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true',
  ],
  usage: 'config set PROPERTY_NAME PROPERTY_VALUE',
  args: {
    property: Args.string({description: 'PROPERTY_NAME'}),
    value: Args.string({description: 'PROPERTY_VALUE'}),
  },
  flags: {
    'set-raw-bytes': Flags.boolean({description: 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.', default: false}),
  },
  async run(cmd, {args, flags}) {
    if (args.property === undefined || args.value === undefined) throw new CliError(`Unexpected args: [${[args.property, args.value].filter((a) => a !== undefined).join(' ')}]`)
    const {property, value} = args
    await updateConfig((cfg) => setProperty(cfg, property, value, flags['set-raw-bytes']))
    cmd.out(`Property "${property}" set.\n`)
  },
})
