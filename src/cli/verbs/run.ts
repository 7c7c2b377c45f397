// `run NAME --image=...`: kubectl's checks in its order (recorded from 1.35.2 in test/fixtures/kubectl-run.json), the Pod (and with --expose the Service)
// created through the API, and kubectl's output — the Service is printed first, as kubectl prints it as
// soon as it exists and the Pod at the end.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError, errorText} from '../errors.js'
import {LAST_APPLIED} from './create.js'
import {printerFor, printOptionsOf} from '../print/print-flags.js'
import {applyOverrides} from './run-overrides.js'
import type {RunFlags} from './run-flags.js'
import type {Sinks} from './sinks.js'
import {generateRunPod, generateRunService, isImageReference, parseAnnotations, parseEnvs, parseRunLabels, restartPolicyOf, type RunInput} from './run-generator.js'

/** What runPod needs beyond the generator's input. */
export interface CheckedRun extends RunInput {
  expose: boolean
  /** --attach (or -i): run-attach.ts attaches to the pod instead of printing it */
  attach: boolean
  rm: boolean
  saveConfig: boolean
  overrides: string
  overrideType: string
}

/**
 * kubectl's validation, in its order (Validate, then the generator's parsing), then ksim's one refusal:
 * attaching with -t, as the process runtime's containers have no terminal (run-attach.ts attaches).
 */
export function checkRunFlags(args: string[], beforeDash: number, f: RunFlags & {image: string}): CheckedRun {
  if (args.length === 0 || beforeDash === 0) throw new CliError('NAME is required for run', true)
  if (f.image === '') throw new CliError('--image is required')
  if (!isImageReference(f.image)) throw new CliError(`Invalid image name ${JSON.stringify(f.image)}: invalid reference format`)
  if (f.tty && !f.stdin) throw new CliError('-i/--stdin is required for containers with -t/--tty=true', true)
  if (f.expose && f.port === '') throw new CliError('--port must be set when exposing a service', true)
  const restartPolicy = restartPolicyOf(f.restart)
  // -i attaches unless --attach=false says otherwise
  const attach = f.attach ?? f.stdin
  if (!attach && f.rm) throw new CliError('--rm should only be used for attached containers', true)
  if (attach && f['dry-run'] !== 'none') throw new CliError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", true)
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(f['image-pull-policy'])) throw new CliError(`invalid image pull policy: ${f['image-pull-policy']}`, true)
  const env = parseEnvs(f.env ?? [])
  const annotations = parseAnnotations(f.annotations ?? [])
  const labels = parseRunLabels(f.labels)
  let port: number | undefined
  if (f.port !== '') {
    if (!/^[+-]?\d+$/.test(f.port)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(f.port)}: invalid syntax`)
    port = Number(f.port) | 0
  }
  // the process runtime gives containers no terminal (exec -it has one): refused before anything is made
  if (attach && f.tty) throw new CliError('ksim cannot run -t: the process runtime gives a container no terminal; run -i without -t, or exec -it into a running pod')
  return {
    name: args[0], image: f.image, labels, annotations, env, args: args.slice(1), command: f.command, port, imagePullPolicy: f['image-pull-policy'] || undefined,
    privileged: f.privileged, stdin: f.stdin, leaveStdinOpen: f['leave-stdin-open'], tty: f.tty, restartPolicy,
    expose: f.expose, attach, rm: f.rm, saveConfig: f['save-config'], overrides: f.overrides, overrideType: f['override-type'],
  }
}

const GO_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}
const goJson = (obj: unknown, indent?: number): string => JSON.stringify(obj, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c])

/** `obj` with metadata.namespace after metadata.name, where ObjectMeta keeps it. */
function inNamespace(obj: KObject, namespace: string): KObject {
  const {name, ...rest} = obj.metadata
  return {...obj, metadata: {name, namespace, ...rest}}
}

/** kubectl's CreateOrUpdateAnnotation: the object as encoded, before the annotation was added. */
function withLastApplied(obj: KObject): KObject {
  const {annotations, ...meta} = obj.metadata as KObject['metadata'] & {annotations?: Record<string, string>}
  const json = goJson(obj) + '\n'
  const ordered: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(meta)) {
    ordered[k] = v
    if (k === 'labels') ordered.annotations = {...annotations, [LAST_APPLIED]: json}
  }
  if (!('annotations' in ordered)) ordered.annotations = {...annotations, [LAST_APPLIED]: json}
  return {...obj, metadata: ordered as KObject['metadata']}
}

/**
 * Creates (or, for client dry-run, where `api` is undefined, only builds) the Pod and Service and prints
 * them; returns the error, if one.
 */
export function runPod(api: Api | undefined, target: Target, input: CheckedRun, flags: RunFlags & {namespace?: string}, sinks: Sinks): string[] {
  // -n was given: kubectl then puts the namespace into a client dry-run's objects
  const explicitNamespace = flags.namespace !== undefined
  const {namespace} = target
  const output = flags.output
  const pod = applyOverrides(generateRunPod(input), input.overrides, input.overrideType)
  const service = input.expose ? generateRunService(input.name, input.port!, input.labels) : undefined
  const send = (obj: KObject): KObject => {
    if (!api) return explicitNamespace ? inNamespace(obj, namespace) : obj
    const body = input.saveConfig ? withLastApplied(obj) : obj
    const r = api.create(inNamespace(body, namespace), {dryRun: flags['dry-run'] === 'server'})
    for (const w of r.warnings) sinks.err(`Warning: ${w}`)
    return r.object
  }
  const createdPod = send(pod)
  let createdService: KObject | undefined
  let failure: unknown
  if (service) {
    try {
      createdService = send(service)
    } catch (error) {
      failure = error
    }
  }
  // as kubectl's run: one printer for both objects, plus a `---` of its own after an exposed Service's
  // YAML; a JSON client dry run prints the generated object as built
  const printer = printerFor(output, {operation: 'created', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const print = (obj: KObject, kind: string) => sinks.out(output === 'json' && !api ? goJson(obj, 4) + '\n' : printer.print(obj, {kind}))
  if (createdService) {
    print(createdService, 'service')
    if (output === 'yaml') sinks.out('---\n')
  }
  // an attached run prints no Pod (kubectl prints it only when it does not attach)
  if (!input.attach) print(createdPod, 'pod')
  if (failure !== undefined) {
    return [errorText(failure)]
  }
  return []
}
