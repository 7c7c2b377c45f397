import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'
import {generateDeployment} from '../../cli/verbs/deployment-generator.js'
import {printFlags} from '../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a deployment with the specified name',
  description: 'Create a deployment with the specified name.',
  examples: [
    '# Create a deployment named my-nginx that runs the nginx image\n<%= config.bin %> create deployment my-nginx --image=nginx',
    '# Create a deployment with a command\n<%= config.bin %> create deployment my-nginx --image=nginx -- date',
    '# Create a deployment named my-nginx that runs the nginx image with 3 replicas\n<%= config.bin %> create deployment my-nginx --image=nginx --replicas=3',
    '# Create a deployment named my-nginx that runs the nginx image and expose port 80\n<%= config.bin %> create deployment my-nginx --image=nginx --port=80',
  ],
  aliases: ['create:deploy'],
  args: {
    name: Args.string({description: 'deployment name'}),
  },
  flags: {
    'dry-run': dryRunFlag,
    image: Flags.string({description: 'Image names to run. A deployment can have multiple images set for multi-container pod.', multiple: true}),
    ...printFlags,
    port: Flags.integer({description: 'The containerPort that this deployment exposes.', default: -1}),
    replicas: Flags.integer({char: 'r', description: 'Number of replicas to create. Default is 1.', default: 1}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const dash = cmd.argv.indexOf('--')
    const command = dash >= 0 ? cmd.argv.slice(dash + 1) : []
    const names = dash >= 0 ? argv.slice(0, argv.length - command.length) : argv
    // cobra checks required flags before the command runs
    if (!flags.image || flags.image.length === 0) throw new CliError('required flag(s) "image" not set')
    if (names.length !== 1) throw new CliError(`exactly one NAME is required, got ${names.length}`, true)
    if (flags.image.length > 1 && command.length > 0) throw new CliError('cannot specify multiple --image options and command')
    const target = await cmd.target(flags)
    const input = {name: names[0], namespace: target.namespace, images: flags.image, replicas: flags.replicas, port: flags.port, command}
    await cmd.createGenerated(target, generateDeployment(input, flags['dry-run'] === 'client'), flags)
  },
})
