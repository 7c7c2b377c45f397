import {Flags} from '@oclif/core'

import {KsimCommand, unlessDryRun} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {dryRunFlag} from '../cli/flags.js'
import {checkRunFlags, runPod} from '../cli/verbs/run.js'
import {outputFlag} from '../cli/print/print-flags.js'

export default class Run extends KsimCommand {
  static override description = 'Create and run a particular image in a pod.'

  static override examples = [
    '# Start a nginx pod\n<%= config.bin %> run nginx --image=nginx',
    '# Start a hazelcast pod and let the container expose port 5701\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --port=5701',
    '# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"',
    '# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container\n<%= config.bin %> run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"',
    '# Dry run; print the corresponding API objects without creating them\n<%= config.bin %> run nginx --image=nginx --dry-run=client',
    '# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\n<%= config.bin %> run nginx --image=nginx --overrides=\'{ "apiVersion": "v1", "spec": { ... } }\'',
    '# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command\n<%= config.bin %> run nginx --image=nginx -- <arg1> <arg2> ... <argN>',
    '# Start the nginx pod using a different command and custom arguments\n<%= config.bin %> run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
  ]

  static override flags = {
    annotations: Flags.string({description: 'Annotations to apply to the pod.', multiple: true}),
    attach: Flags.boolean({description: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.", allowNo: true}),
    command: Flags.boolean({description: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.", default: false}),
    'dry-run': dryRunFlag,
    env: Flags.string({description: 'Environment variables to set in the container.', multiple: true}),
    expose: Flags.boolean({description: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.', default: false}),
    'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-run'}),
    image: Flags.string({description: 'The image for the container to run.'}),
    'image-pull-policy': Flags.string({description: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.', default: ''}),
    labels: Flags.string({char: 'l', description: 'Comma separated labels to apply to the pod. Will override previous values.'}),
    'leave-stdin-open': Flags.boolean({description: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.', default: false}),
    output: outputFlag,
    'override-type': Flags.string({description: 'The method used to override the generated object: json, merge, or strategic.', default: 'merge'}),
    overrides: Flags.string({description: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.', default: ''}),
    port: Flags.string({description: 'The port that this container exposes.', default: ''}),
    privileged: Flags.boolean({description: 'If true, run the container in privileged mode.', default: false}),
    quiet: Flags.boolean({char: 'q', description: 'If true, suppress prompt messages.', default: false}),
    restart: Flags.string({description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', default: 'Always'}),
    rm: Flags.boolean({description: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.", default: false}),
    'save-config': Flags.boolean({description: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.', default: false}),
    stdin: Flags.boolean({char: 'i', description: 'Keep stdin open on the container in the pod, even if nothing is attached.', default: false}),
    tty: Flags.boolean({char: 't', description: 'Allocate a TTY for the container in the pod.', default: false}),
  }

  static override strict = false

  static override summary = 'Run a particular image on the cluster'

  static override usage = 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]'

  static override writes = unlessDryRun

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Run)
    // cobra checks required flags before the command runs
    if (flags.image === undefined) throw new CliError('required flag(s) "image" not set')
    const dash = this.argv.indexOf('--')
    const afterDash = dash >= 0 ? this.argv.length - dash - 1 : 0
    const args = (argv as string[]).map(String)
    const beforeDash = args.length - afterDash
    const target = await this.target(flags)
    const input = checkRunFlags(args, beforeDash, {...flags, image: flags.image})
    const dryRun = flags['dry-run']
    const api = dryRun === 'client' ? undefined : await this.openApi(target)
    const errors = runPod(input, {
      api,
      dryRun,
      output: flags.output,
      namespace: target.namespace,
      explicitNamespace: flags.namespace !== undefined,
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
    })
    this.failOn(errors)
  }
}
