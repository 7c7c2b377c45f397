import {defineCommand} from '../cli/define-command.js'
import {unlessDryRun} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {checkRunFlags, runPod} from '../cli/verbs/run.js'
import {runFlags} from '../cli/verbs/run-flags.js'
import {attachRun, removePod, runsAsProcess, SIMULATED_ATTACH} from '../cli/verbs/run-attach.js'
import {parseDuration} from '../cli/duration-flag.js'

export default defineCommand({
  summary: 'Run a particular image on the cluster',
  description: 'Create and run a particular image in a pod.',
  examples: [
    '# Start a nginx pod\n<%= config.bin %> run nginx --image=nginx',
    '# Start a hazelcast pod and let the container expose port 5701\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --port=5701',
    '# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"',
    '# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"',
    '# Dry run; print the corresponding API objects without creating them\n<%= config.bin %> run nginx --image=nginx --dry-run=client',
    '# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\n<%= config.bin %> run nginx --image=nginx --overrides=\'{ "apiVersion": "v1", "spec": { ... } }\'',
    '# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command\n<%= config.bin %> run nginx --image=nginx -- <arg1> <arg2> ... <argN>',
    '# Start the nginx pod using a different command and custom arguments\n<%= config.bin %> run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
  ],
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: runFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    // cobra checks required flags before the command runs
    if (flags.image === undefined) throw new CliError('required flag(s) "image" not set')
    const dash = cmd.argv.indexOf('--')
    const afterDash = dash >= 0 ? cmd.argv.length - dash - 1 : 0
    const beforeDash = argv.length - afterDash
    const target = await cmd.target(flags)
    const input = checkRunFlags(argv, beforeDash, {...flags, image: flags.image})
    const api = flags['dry-run'] === 'client' ? undefined : await cmd.openApi(target)
    if (!api || !input.attach) return runPod(api, target, input, flags, cmd.sinks())
    // attached (-i, --attach): run-attach.ts
    if (!runsAsProcess(api, input)) throw new CliError(SIMULATED_ATTACH)
    const errors = runPod(api, target, input, flags, cmd.sinks())
    if (errors.length > 0) return errors
    await cmd.ensureReconcilerRunning(target)
    const timeoutMs = parseDuration(flags['pod-running-timeout'], 'pod-running-timeout')
    let result: {code: number; stderr?: string}
    try {
      result = await attachRun(api, target, input, {restartPolicy: input.restartPolicy ?? 'Always', quiet: flags.quiet, leaveStdinOpen: flags['leave-stdin-open'], timeoutMs}, cmd.sinks())
    } finally {
      // kubectl's deferred removal: before the error is printed
      if (input.rm) removePod(api, target, input.name, flags.quiet, cmd.sinks())
    }
    if (result.stderr) process.stderr.write(result.stderr)
    process.exitCode = result.code
    return []
  },
})
