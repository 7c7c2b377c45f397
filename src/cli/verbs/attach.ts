// `attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]`: kubectl's AttachOptions.Run — the pod (waiting up to
// --pod-running-timeout for one to run), kubectl's refusal for a completed pod, its TTY rules and
// messages — then the streams of the container's process (attach-stream.ts). A container of the process
// runtime is attached to for real. A simulated container runs no process: ksim refuses, as exec does,
// rather than wait on output that never comes. A tty container (`tty: true`) is refused too: the
// process runtime gives containers no terminal (exec -t has one).
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {instanceDirOf} from '../../api/container-log.js'
import {containerStatusOf} from '../../api/pod-log.js'
import {podType} from '../../api/kinds/pod.js'
import {mustLookupResource} from '../../api/registry.js'
import {containersDir} from '../../config/paths.js'
import {CliError} from '../errors.js'
import {attachInstance} from './attach-stream.js'
import {logSources} from './logs-targets.js'
import type {WaitSinks} from './sinks.js'
import fs from 'node:fs'
import path from 'node:path'

export interface AttachRequest {
  /** POD, TYPE/NAME, or TYPE and NAME */
  resources: string[]
  container?: string
  stdin: boolean
  tty: boolean
  quiet: boolean
  timeoutMs: number
}

/** kubectl's Complete and Validate. */
export function completeAttach(args: string[], flags: {container?: string; stdin: boolean; tty: boolean; quiet: boolean}, timeoutMs: number): AttachRequest {
  if (args.length === 0) throw new CliError('at least 1 argument is required for attach')
  if (args.length > 2) throw new CliError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`)
  if (timeoutMs <= 0) throw new CliError('--pod-running-timeout must be higher than zero')
  return {resources: args, container: flags.container, stdin: flags.stdin, tty: flags.tty, quiet: flags.quiet, timeoutMs}
}

function attachTarget(req: AttachRequest): {rt: ReturnType<typeof mustLookupResource>; name: string} {
  if (req.resources.length === 2) return {rt: mustLookupResource(req.resources[0]!), name: req.resources[1]!}
  const [r] = req.resources as [string]
  const slash = r.indexOf('/')
  return slash >= 0 ? {rt: mustLookupResource(r.slice(0, slash)), name: r.slice(slash + 1)} : {rt: podType, name: r}
}

/** Attaches to the chosen container of `pod` (already found, running); the streams end with its process. */
export async function attachToPod(target: Target, pod: Pod, container: string, req: Pick<AttachRequest, 'stdin' | 'tty' | 'quiet'> & {fromStart?: boolean}, sinks: WaitSinks): Promise<void> {
  const c = pod.spec?.containers.find((x) => x.name === container)
  if (req.tty && !c?.tty && !req.quiet) sinks.err(`error: Unable to use a TTY - container ${container} did not allocate one`)
  if (c?.tty) throw new CliError(`cannot attach to the container: container "${container}" has tty: true, and the process runtime gives containers no terminal (use exec -it)`)
  const status = containerStatusOf(pod, container, false)
  const dir = status?.state?.running ? instanceDirOf(containersDir(target.cluster), status.containerID) : undefined
  if (!dir || !fs.existsSync(path.join(dir, 'spec.json'))) {
    throw new CliError(`cannot attach to the container: container "${container}" runs in the simulated runtime, which runs no processes (give the pod runtimeClassName: ksim-process)`)
  }
  if (!req.quiet) {
    sinks.err('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.')
    sinks.err("If you don't see a command prompt, try pressing enter.")
  }
  await attachInstance(dir, {stdin: req.stdin, fromStart: req.fromStart, out: sinks.out, err: (s) => process.stderr.write(s)})
}

/** `ksim attach`. */
export async function runAttach(api: Api, target: Target, req: AttachRequest, sinks: WaitSinks): Promise<void> {
  const {rt, name} = attachTarget(req)
  const obj = api.get(rt, target.namespace, name)
  const quietSinks = req.quiet ? {...sinks, err: () => {}} : sinks
  const [source] = await logSources(api, obj as never, {namespace: target.namespace, container: req.container, allContainers: false, timeoutMs: req.timeoutMs}, quietSinks)
  const pod = source.pod as Pod
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot attach a container in a completed pod; current phase is ${phase}`)
  await attachToPod(target, pod, source.container.name, req, sinks)
}
