import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'
import {fromCronJob} from '../../cli/verbs/job-from.js'
import {jobFromCronJob} from '../../cli/verbs/cronjob-generator.js'
import {generateJob} from '../../cli/verbs/job-generator.js'
import {outputFlag} from '../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a job with the specified name',
  description: 'Create a job with the specified name.',
  examples: [
    '# Create a job\n<%= config.bin %> create job my-job --image=busybox',
    '# Create a job with a command\n<%= config.bin %> create job my-job --image=busybox -- date',
    '# Create a job from a cron job named "a-cronjob"\n<%= config.bin %> create job test-job --from=cronjob/a-cronjob',
  ],
  usage: 'create job NAME --image=image -- [COMMAND] [args...]',
  args: {
    name: Args.string({description: 'job name'}),
  },
  flags: {
    'dry-run': dryRunFlag,
    from: Flags.string({description: 'The name of the resource to create a Job from (only CronJob is supported).'}),
    image: Flags.string({description: 'Image name to run.'}),
    output: outputFlag,
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const dash = cmd.argv.indexOf('--')
    const command = dash >= 0 ? cmd.argv.slice(dash + 1) : []
    const names = dash >= 0 ? argv.slice(0, argv.length - command.length) : argv
    if (names.length !== 1) throw new CliError(`exactly one NAME is required, got ${names.length}`, true)
    if (!flags.image === !flags.from) throw new CliError('either --image or --from must be specified')
    if (command.length > 0 && flags.from) throw new CliError('cannot specify --from and command')
    const target = await cmd.target(flags)
    const forPrinting = flags['dry-run'] === 'client'
    const job = flags.from
      ? jobFromCronJob(names[0], target.namespace, await fromCronJob(await cmd.openApi(target), target.namespace, flags.from), forPrinting)
      : generateJob({name: names[0], namespace: target.namespace, image: flags.image ?? '', command}, forPrinting)
    await cmd.createGenerated(target, job, flags, 'failed to create job: ')
  },
})
