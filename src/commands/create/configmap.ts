import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'
import {dataFromFlags} from '../../cli/verbs/create-generated.js'
import {printFlags} from '../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a config map from a local file, directory or literal value',
  description: "Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.\n\n When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\n When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  examples: [
    '# Create a new config map named my-config with key1=config1 and key2=config2\n<%= config.bin %> create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2',
    '# Create a new config map named my-config with specified keys instead of file basenames on disk\n<%= config.bin %> create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt',
  ],
  aliases: ['create:cm'],
  args: {
    name: Args.string({description: 'config map name'}),
  },
  flags: {
    'dry-run': dryRunFlag,
    'from-env-file': Flags.string({description: 'Specify the path to a file to read lines of key=val pairs to create a configmap.', multiple: true}),
    'from-file': Flags.string({description: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.', multiple: true}),
    'from-literal': Flags.string({description: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)', multiple: true}),
    ...printFlags,
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const name = argv[0]
    const bytes = dataFromFlags('ConfigMap', name, flags, 'failed to create configmap: ')
    const data: Record<string, string> = {}
    const binaryData: Record<string, string> = {}
    for (const [k, v] of bytes) {
      const text = v.toString('utf8')
      if (Buffer.from(text, 'utf8').equals(v)) data[k] = text
      else binaryData[k] = v.toString('base64')
    }
    const target = await cmd.target(flags)
    await cmd.createGenerated(
      target,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {name, namespace: target.namespace},
        ...(Object.keys(data).length > 0 ? {data} : {}),
        ...(Object.keys(binaryData).length > 0 ? {binaryData} : {}),
      },
      flags,
      'failed to create configmap: ',
    )
  },
})
