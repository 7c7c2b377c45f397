import {Args} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'
import {containerStreamFlags} from '../cli/flags.js'
import {parseDuration} from '../cli/duration-flag.js'
import {completeAttach, runAttach} from '../cli/verbs/attach.js'

export default defineCommand({
  summary: 'Attach to a running container',
  description: 'Attach to a process that is already running inside an existing container. Containers of the process runtime (RuntimeClass ksim-process) are attached to for real; simulated containers run no process and are refused.',
  usage: 'attach (POD | TYPE/NAME) -c CONTAINER',
  examples: [
    "# Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n# for selecting the container to be attached or the first container in the pod will be chosen\n<%= config.bin %> attach mypod",
    '# Get output from ruby-container from pod mypod\n<%= config.bin %> attach mypod -c ruby-container',
    "# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n# and sends stdout/stderr from 'bash' back to the client\n<%= config.bin %> attach mypod -c ruby-container -i -t",
    '# Get output from the first pod of a replica set named nginx\n<%= config.bin %> attach rs/nginx',
  ],
  args: {
    resource: Args.string({description: 'POD or TYPE/NAME'}),
  },
  flags: {
    ...containerStreamFlags,
  },
  strict: false,
  async run(cmd, {argv, flags}) {
    const req = completeAttach(argv as string[], flags, parseDuration(flags['pod-running-timeout'], 'pod-running-timeout'))
    const {target, api} = await cmd.open(flags)
    await runAttach(api, target, req, cmd.sinks())
    return []
  },
})
