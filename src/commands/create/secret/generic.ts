import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../../cli/define-command.js'
import {CliError} from '../../../cli/errors.js'
import {dryRunFlag} from '../../../cli/flags.js'
import {dataFromFlags} from '../../../cli/verbs/create-generated.js'
import {printFlags} from '../../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a secret from a local file, directory, or literal value',
  description: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  examples: [
    '# Create a new secret named my-secret with key1=supersecret and key2=topsecret\n<%= config.bin %> create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret',
    '# Create a new secret named my-secret from a file\n<%= config.bin %> create secret generic my-secret --from-file=path/to/bar',
  ],
  args: {
    name: Args.string({description: 'secret name'}),
  },
  flags: {
    'dry-run': dryRunFlag,
    'from-env-file': Flags.string({description: 'Specify the path to a file to read lines of key=val pairs to create a secret.', multiple: true}),
    'from-file': Flags.string({description: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.', multiple: true}),
    'from-literal': Flags.string({description: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)', multiple: true}),
    ...printFlags,
    type: Flags.string({description: 'The type of secret to create'}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const name = argv[0]
    const bytes = dataFromFlags('Secret', name, flags, 'failed to create secret ')
    const data: Record<string, string> = {}
    for (const [k, v] of bytes) data[k] = v.toString('base64')
    const target = await cmd.target(flags)
    await cmd.createGenerated(
      target,
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {name, namespace: target.namespace},
        ...(Object.keys(data).length > 0 ? {data} : {}),
        ...(flags.type ? {type: flags.type} : {}),
      },
      flags,
      'failed to create secret ',
    )
  },
})
