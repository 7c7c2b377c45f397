// The flags of `run`, as kubectl declares them: the command declares them from here and the checks and
// the run take them as parsed.
import {Flags, type Interfaces} from '@oclif/core'

import {dryRunFlag} from '../flags.js'
import {printFlags} from '../print/print-flags.js'

export const runFlags = {
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
  ...printFlags,
  'override-type': Flags.string({description: 'The method used to override the generated object: json, merge, or strategic.', default: 'merge'}),
  overrides: Flags.string({description: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.', default: ''}),
  'pod-running-timeout': Flags.string({description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', default: '1m0s'}),
  port: Flags.string({description: 'The port that this container exposes.', default: ''}),
  privileged: Flags.boolean({description: 'If true, run the container in privileged mode.', default: false}),
  quiet: Flags.boolean({char: 'q', description: 'If true, suppress prompt messages.', default: false}),
  restart: Flags.string({description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', default: 'Always'}),
  rm: Flags.boolean({description: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.", default: false}),
  'save-config': Flags.boolean({description: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.', default: false}),
  stdin: Flags.boolean({char: 'i', description: 'Keep stdin open on the container in the pod, even if nothing is attached.', default: false}),
  tty: Flags.boolean({char: 't', description: 'Allocate a TTY for the container in the pod.', default: false}),
}

export type RunFlags = Interfaces.InferredFlags<typeof runFlags>
