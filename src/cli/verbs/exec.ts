// `exec`: kubectl's Complete/Validate and its container choice, then what the kubelet does for the
// process runtime: the command runs in the container's context — its environment and working
// directory as the runtime gave them to the container (its instance's spec) — with stdout and stderr
// passed through, stdin with -i. A command that exits non-zero ends kubectl with its code after
// `command terminated with exit code N`. Simulated containers run no processes and refuse.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {spawn} from 'node:child_process'
import path from 'node:path'

import {instanceDirOf} from '../../api/container-log.js'
import {containerStatusOf} from '../../api/pod-log.js'
import {podType} from '../../api/kinds/pod.js'
import {mustLookupResource, type ResourceType} from '../../api/registry.js'
import {containersDir} from '../../config/paths.js'
import {CliError} from '../errors.js'
import {resourcesFromFiles} from '../resource/files.js'
import {logSources} from './logs-targets.js'
import {findScript, onPty, stdinIsTerminal} from './pty.js'
import type {WaitSinks} from './sinks.js'
import fs from 'node:fs'

export interface ExecRequest {
  resource: string
  /** -f: the one object of these files names the pod (or what selects it) */
  files: string[]
  command: string[]
  container?: string
  stdin: boolean
  tty: boolean
  quiet: boolean
  timeoutMs: number
}

/** kubectl's Complete and Validate: the resource before `--` (or -f), the command after it. */
export function completeExec(args: string[], atDash: number, flags: {container?: string; stdin: boolean; tty: boolean; quiet: boolean; filename?: string[]}, timeoutMs: number): ExecRequest {
  const files = flags.filename ?? []
  const resource = args.length > 0 && atDash !== 0 ? args[0] : ''
  if (atDash < 0 && (args.length > 1 || (args.length > 0 && files.length > 0))) throw new CliError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', true)
  if (!resource && files.length === 0) throw new CliError('pod, type/name or --filename must be specified')
  const command = atDash >= 0 ? args.slice(atDash) : []
  if (command.length === 0) throw new CliError('you must specify at least one command for the container')
  return {resource, files, command, container: flags.container, stdin: flags.stdin, tty: flags.tty, quiet: flags.quiet, timeoutMs}
}

/** The object exec starts from: TYPE/NAME or a pod name, or the one document of the -f files. */
function execTarget(api: Api, target: Target, req: ExecRequest): {rt: ResourceType; name: string} {
  if (req.files.length === 0) {
    const slash = req.resource.indexOf('/')
    return slash >= 0 ? {rt: mustLookupResource(req.resource.slice(0, slash)), name: req.resource.slice(slash + 1)} : {rt: podType, name: req.resource}
  }
  if (req.resource) throw new CliError('name cannot be provided when a path is specified')
  const found = resourcesFromFiles(api, {namespace: target.namespace, enforceNamespace: target.namespaceExplicit, files: req.files, continueOnError: false})
  // the builder implies a single item only for one file path (not stdin, not a directory); anything else,
  // or any other count, comes back as a List
  const single = req.files.length === 1 && req.files[0] !== '-' && !isDirectory(req.files[0]!)
  const info = found.infos[0]
  if (!single || found.infos.length !== 1 || !info) throw new CliError('cannot exec into multiple objects at a time')
  return {rt: info.rt, name: info.name}
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory()
  } catch {
    return false
  }
}

const internal = (message: string): CliError => new CliError(`Internal error occurred: ${message}`)

/** Runs the command; returns its exit code. */
export async function runExec(api: Api, target: Target, req: ExecRequest, sinks: WaitSinks): Promise<number> {
  const {rt, name} = execTarget(api, target, req)
  // a missing object is the server's NotFound, printed as kubectl prints API errors
  const obj = api.get(rt, target.namespace, name)
  const quietSinks = req.quiet ? {...sinks, err: () => {}} : sinks
  const [source] = await logSources(api, obj as never, {namespace: target.namespace, container: req.container, allContainers: false, timeoutMs: req.timeoutMs}, quietSinks)
  const pod = source.pod as Pod
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const status = containerStatusOf(pod, source.container.name, source.init)
  if (!status?.state?.running) throw new CliError(`unable to upgrade connection: container not found ("${source.container.name}")`)
  const dir = instanceDirOf(containersDir(target.cluster), status.containerID)
  const spec = dir ? readSpec(dir) : undefined
  if (!spec) throw internal(`error executing command in container: container "${source.container.name}" runs in the simulated runtime, which runs no processes (give the pod runtimeClassName: ksim-process)`)
  const program = findProgram(req.command[0], spec.env.PATH ?? '', spec.cwd)
  if (program.startsWith('error:')) throw internal(`error executing command in container: failed to exec in container: exec: "${req.command[0]}": ${program.slice(6)}`)
  // in the pod's namespaces when it has them (the runtime's nsenter prefix)
  const argv = [...(spec.wrap ?? []), program, ...req.command.slice(1)]
  const script = ttyOrNot(req, sinks)
  const run = script ? onPty(script, argv, spec.env) : {file: argv[0]!, args: argv.slice(1), env: spec.env}
  return new Promise((resolve, reject) => {
    const child = spawn(run.file, run.args, {cwd: spec.cwd, env: run.env, stdio: [req.stdin ? 'inherit' : 'ignore', 'inherit', 'inherit']})
    child.on('error', (error: NodeJS.ErrnoException) => reject(internal(`error executing command in container: failed to exec in container: ${error.message}`)))
    child.on('close', (code, signal) => resolve(code ?? 128 + (signal ? signalNumber(signal) : 0)))
  })
}

/**
 * kubectl's SetupTTY: -t counts only with -i and a terminal on stdin (else its message, and no tty);
 * then script(1)'s path, which runs the command on a pty (pty.ts).
 */
function ttyOrNot(req: ExecRequest, sinks: WaitSinks): string | undefined {
  if (!req.tty || !req.stdin) return undefined
  if (!stdinIsTerminal()) {
    if (!req.quiet) sinks.err('Unable to use a TTY - input is not a terminal or the right kind of file')
    return undefined
  }
  const script = findScript()
  if (!script && !req.quiet) sinks.err("Unable to use a TTY - util-linux's script(1), which ksim opens a pseudo-terminal with, is not on PATH")
  return script
}

interface InstanceSpec {
  env: Record<string, string>
  cwd: string
  wrap?: string[]
}

function readSpec(dir: string): InstanceSpec | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'spec.json'), 'utf8')) as InstanceSpec
  } catch {
    return undefined
  }
}

// exec.LookPath in the container's PATH: the file, or `error:` and why not
function findProgram(name: string, PATH: string, cwd: string): string {
  const ok = (file: string): boolean => {
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return fs.statSync(file).isFile()
    } catch {
      return false
    }
  }
  if (name.includes('/')) {
    const file = path.resolve(cwd, name)
    return ok(file) ? file : fs.existsSync(file) ? 'error:permission denied' : 'error:no such file or directory'
  }
  for (const d of PATH.split(':')) if (ok(path.resolve(cwd, d || '.', name))) return path.resolve(cwd, d || '.', name)
  return 'error:executable file not found in $PATH'
}

const signalNumber = (signal: NodeJS.Signals): number => ({SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13})[signal as string] ?? 0
