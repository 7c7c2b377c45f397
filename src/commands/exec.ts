import {Args, Flags} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'
import {containerStreamFlags} from '../cli/flags.js'
import {parseDuration} from '../cli/duration-flag.js'
import {completeExec, runExec} from '../cli/verbs/exec.js'

export default defineCommand({
  summary: 'Execute a command in a container',
  description: "Execute a command in a container. Containers of the process runtime (RuntimeClass ksim-process) run it with the container's environment and working directory; simulated containers run no processes.",
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  examples: [
    '# Get output from running the \'date\' command from pod mypod, using the first container by default\n<%= config.bin %> exec mypod -- date',
    "# Get output from running the 'date' command in ruby-container from pod mypod\n<%= config.bin %> exec mypod -c ruby-container -- date",
    "# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default\n<%= config.bin %> exec deploy/mydeployment -- date",
  ],
  args: {
    resource: Args.string({description: 'POD or TYPE/NAME'}),
  },
  flags: {
    // kubectl's string slice, as filenameFlag: repeated or comma-separated, the arguments after it stay arguments
    filename: Flags.string({char: 'f', description: 'to use to exec into the resource', multiple: true, multipleNonGreedy: true, delimiter: ','}),
    ...containerStreamFlags,
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const dash = cmd.argv.indexOf('--')
    const afterDash = dash >= 0 ? cmd.argv.length - dash - 1 : 0
    const atDash = dash >= 0 ? argv.length - afterDash : -1
    const req = completeExec(argv as string[], atDash, flags, parseDuration(flags['pod-running-timeout'], 'pod-running-timeout'))
    const {target, api} = await cmd.open(flags)
    const code = await runExec(api, target, req, cmd.sinks())
    if (code !== 0) {
      cmd.stderrLine(`command terminated with exit code ${code}`)
      process.exitCode = code
    }
    return []
  },
})
