// kubectl run's objects (run.go and its BasicPod / ServiceV2 generators; test/fixtures/kubectl-run.json is recorded from kubectl 1.35.2): one container
// named after the pod, labels run=<name> unless -l is given, and with --expose a ClusterIP Service that
// selects the pod. Objects are built with their keys in the Go structs' field order, because kubectl
// encodes the typed object (the --save-config annotation and client dry-run -o json show that order).
import type {KObject, ObjectMeta} from '../../api/types.js'

import {CliError} from '../errors.js'

/** What `run` was given, already checked by checkRunFlags. */
export interface RunInput {
  name: string
  image: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  env: {name: string; value?: string}[]
  /** the extra arguments after NAME: `command` with --command, else `args` */
  args: string[]
  command: boolean
  port?: number
  imagePullPolicy?: string
  privileged: boolean
  stdin: boolean
  leaveStdinOpen: boolean
  tty: boolean
  restartPolicy: string
}

// distribution/reference's ReferenceRegexp: [domain/]path[:tag][@digest]
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*'
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$`,
)

/** Whether kubectl accepts `image` as an image reference. */
export function isImageReference(image: string): boolean {
  return REFERENCE.test(image)
}

/** The restart policy for --restart (an empty value means Always, still in kubectl 1.35.2). */
export function restartPolicyOf(restart: string): string {
  if (restart === '') return 'Always'
  if (['Always', 'OnFailure', 'Never'].includes(restart)) return restart
  throw new CliError(`invalid restart policy: ${restart}`, true)
}

/** --env KEY=VALUE pairs, with kubectl's `invalid env` error for a missing `=` or a bad name. */
export function parseEnvs(values: string[]): {name: string; value?: string}[] {
  return values.map((v) => {
    const i = v.indexOf('=')
    const name = i < 0 ? '' : v.slice(0, i)
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new CliError(`invalid env: ${v}`)
    const value = v.slice(i + 1)
    return value === '' ? {name} : {name, value}
  })
}

/** -l a=b,c=d (exactly one `=` per pair), or undefined when not given. */
export function parseRunLabels(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined
  const labels: Record<string, string> = {}
  for (const spec of text.split(',')) {
    const parts = spec.split('=')
    if (parts.length !== 2) throw new CliError(`unexpected label spec: ${spec}`)
    if (parts[0] === '') throw new CliError('unexpected empty label key')
    labels[parts[0]] = parts[1]
  }
  return labels
}

/** --annotations k=v, one per flag (a comma is part of the value). */
export function parseAnnotations(values: string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined
  const out: Record<string, string> = {}
  for (const v of values) {
    const i = v.indexOf('=')
    if (i <= 0) throw new CliError(`invalid annotations format: ${v}`)
    out[v.slice(0, i)] = v.slice(i + 1)
  }
  return out
}

/** The Pod kubectl run sends (client dry-run prints it as is, with its null and empty fields). */
export function generateRunPod(input: RunInput): KObject {
  const container: Record<string, unknown> = {name: input.name, image: input.image}
  if (input.args.length > 0) container[input.command ? 'command' : 'args'] = input.args
  if (input.port !== undefined) container.ports = [{containerPort: input.port}]
  if (input.env.length > 0) container.env = input.env
  container.resources = {}
  if (input.imagePullPolicy) container.imagePullPolicy = input.imagePullPolicy
  if (input.privileged) container.securityContext = {privileged: true}
  if (input.stdin) container.stdin = true
  if (input.stdin && !input.leaveStdinOpen) container.stdinOnce = true
  if (input.tty) container.tty = true
  const metadata: ObjectMeta = {name: input.name, labels: input.labels ?? {run: input.name}}
  if (input.annotations) metadata.annotations = input.annotations
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: {containers: [container], restartPolicy: input.restartPolicy, dnsPolicy: 'ClusterFirst'},
    status: {},
  }
}

/** The Service --expose creates: labelled only with -l's labels, selecting the pod's labels. */
export function generateRunService(name: string, port: number, labels: Record<string, string> | undefined): KObject {
  const metadata: ObjectMeta = {name}
  if (labels) metadata.labels = labels
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec: {ports: [{protocol: 'TCP', port, targetPort: port}], selector: labels ?? {run: name}},
    status: {loadBalancer: {}},
  }
}
