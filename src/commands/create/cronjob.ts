import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {dryRunFlag} from '../../cli/flags.js'
import {generateCronJob} from '../../cli/verbs/cronjob-generator.js'
import {printFlags} from '../../cli/print/print-flags.js'

export default defineCommand({
  summary: 'Create a cron job with the specified name',
  description: 'Create a cron job with the specified name.',
  examples: [
    '# Create a cron job\n<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *"',
    '# Create a cron job with a command\n<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  ],
  usage: "create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  aliases: ['create:cj'],
  args: {
    name: Args.string({description: 'cron job name'}),
  },
  flags: {
    'dry-run': dryRunFlag,
    image: Flags.string({description: 'Image name to run.'}),
    ...printFlags,
    restart: Flags.string({description: "job's restart policy. supported values: OnFailure, Never"}),
    schedule: Flags.string({description: 'A schedule in the Cron format the job should be run with.'}),
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const dash = cmd.argv.indexOf('--')
    const command = dash >= 0 ? cmd.argv.slice(dash + 1) : []
    const names = dash >= 0 ? argv.slice(0, argv.length - command.length) : argv
    // cobra checks required flags before the command runs
    const missing = [flags.image === undefined ? '"image"' : '', flags.schedule === undefined ? '"schedule"' : ''].filter(Boolean)
    if (missing.length > 0) throw new CliError(`required flag(s) ${missing.join(', ')} not set`)
    if (names.length !== 1) throw new CliError(`exactly one NAME is required, got ${names.length}`, true)
    const target = await cmd.target(flags)
    const input = {name: names[0], namespace: target.namespace, image: flags.image ?? '', schedule: flags.schedule ?? '', restart: flags.restart || 'OnFailure', command}
    await cmd.createGenerated(target, generateCronJob(input, flags['dry-run'] === 'client'), flags, 'failed to create cronjob: ')
  },
})
