// One run of a process-runtime container's probe, as the kubelet's prober runs each handler:
// - exec: the command in the container's context (its environment, working directory and the pod's
//   namespaces, as `ksim exec`), timeoutSeconds long; exit 0 is success, and the output (stdout and
//   stderr, the first 10 KiB) is what a failure reports; a command still running at the timeout has its
//   process group killed and fails with `command "…" timed out`;
// - httpGet and tcpSocket: netprobe.ts, from inside the pod's network namespace when it has one (a small
//   node program under nsenter), else from here;
// - grpc: not run by this runtime; each run errors (the kubelet discards an errored run) with a message
//   that says so.
// A port the container does not name errors as probe.ResolveContainerPort does.
import type {Container, Probe} from 'kubernetes-types/core/v1.js'
import type {ProbeAnswer} from '../runtime.js'
import type {ProcessSpec} from './layout.js'

import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

import {resolveProgram} from './launch.js'
import {netProbe, type NetProbeJob, type NetProbeResult} from './netprobe.js'

const NET_MAIN = fileURLToPath(new URL('netprobe-main.js', import.meta.url))
/** pkg/probe/exec's maxReadLength */
const MAX_OUTPUT = 10 * 1024

/** probe.ResolveContainerPort: a number, a named port of the container, or a number written as text. */
export function resolvePort(port: number | string | undefined, c: Container): number | {error: string} {
  if (typeof port === 'number') return port
  const named = (c.ports ?? []).find((p) => p.name === port)
  if (named) return named.containerPort
  const text = String(port ?? '')
  return /^[+-]?\d+$/.test(text) ? Number(text) : {error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`}
}

/** Runs `probe` of container `c` (instance spec `spec`, pod IP `podIP`). */
export async function runProbe(probe: Probe, c: Container, spec: ProcessSpec, podIP: string): Promise<ProbeAnswer> {
  const timeoutMs = Math.max(1, probe.timeoutSeconds ?? 1) * 1000
  if (probe.exec) return execProbe(probe.exec.command ?? [], spec, timeoutMs)
  const action = probe.httpGet ?? probe.tcpSocket
  if (!action) return {ok: false, errored: true, output: 'the process runtime runs no grpc probes (only exec, httpGet and tcpSocket)'}
  const port = resolvePort(action.port, c)
  if (typeof port !== 'number') return {ok: false, errored: true, output: port.error}
  const host = action.host || podIP
  const job: NetProbeJob = {type: probe.httpGet ? 'http' : 'tcp', shownHost: host, connectHost: action.host || '127.0.0.1', port, timeoutMs}
  if (probe.httpGet) Object.assign(job, {scheme: probe.httpGet.scheme === 'HTTPS' ? 'https' : 'http', path: probe.httpGet.path ?? '/', headers: probe.httpGet.httpHeaders ?? []})
  return spec.wrap?.length ? netProbeInside(spec.wrap, job) : netProbe(job)
}

// the network probe in the pod's namespaces: its result as the helper printed it
function netProbeInside(wrap: string[], job: NetProbeJob): Promise<NetProbeResult> {
  return new Promise((resolve) => {
    const child = spawn(wrap[0], [...wrap.slice(1), process.execPath, NET_MAIN, JSON.stringify(job)], {stdio: ['ignore', 'pipe', 'pipe']})
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', (e) => resolve({ok: false, output: e.message}))
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as NetProbeResult)
      } catch {
        resolve({ok: false, output: err.trim() || 'the probe could not enter the pod\'s network namespace'})
      }
    })
  })
}

// pkg/probe/exec with the CRI's ExecSync timeout
function execProbe(command: string[], spec: ProcessSpec, timeoutMs: number): Promise<ProbeAnswer> {
  const program = resolveProgram(command[0] ?? '', spec.env, spec.cwd)
  if ('error' in program) return Promise.resolve({ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: ${program.error}: unknown`})
  // the program sees the name it was given as its argv[0] (`cat: x: No such file`), as under execve in a
  // container: nsenter looks the name up in the container's PATH; without it, the resolved file is run
  const argv = spec.wrap?.length ? [...spec.wrap, command[0], ...command.slice(1)] : [program.file, ...command.slice(1)]
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {argv0: spec.wrap?.length ? argv[0] : command[0], cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true})
    let output = Buffer.alloc(0)
    const take = (d: Buffer): void => void (output.length < MAX_OUTPUT && (output = Buffer.concat([output, d]).subarray(0, MAX_OUTPUT)))
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // ended meanwhile
      }
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      resolve({ok: false, output: e.message})
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (timedOut) return resolve({ok: false, output: `command ${JSON.stringify(command.join(' '))} timed out`})
      resolve({ok: code === 0, output: output.toString()})
    })
  })
}
