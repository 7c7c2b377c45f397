import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'
import {generateJob} from '../../cli/verbs/job-generator.js'
import {outputFlag} from '../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a job with the specified name',
  description: 'Create a job with the specified name.',
  examples: [
    '# Create a job\n<%= config.bin %> create job my-job --image=busybox',
    '# Create a job with a command\n<%= config.bin %> create job my-job --image=busybox -- date',
  ],
  usage: 'create job NAME --image=image -- [COMMAND] [args...]',
  args: {
    name: Args.string({description: 'job name'}),
  },
  flags: {
    'dry-run': dryRunFlag,
    image: Flags.string({description: 'Image name to run.'}),
    output: outputFlag,
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const dash = cmd.argv.indexOf('--')
    const command = dash >= 0 ? cmd.argv.slice(dash + 1) : []
    const names = dash >= 0 ? argv.slice(0, argv.length - command.length) : argv
    if (names.length !== 1) throw new CliError(`exactly one NAME is required, got ${names.length}`, true)
    // Validate: ksim serves no CronJob yet, so --image is the one source of a Job
    if (!flags.image) throw new CliError('either --image or --from must be specified')
    const target = await cmd.target(flags)
    await cmd.createGenerated(target, generateJob({name: names[0], namespace: target.namespace, image: flags.image, command}, flags['dry-run'] === 'client'), flags)
  },
})
