// `port-forward TYPE/NAME [LOCAL:]REMOTE...`: kubectl's Complete (the pod of a workload or Service, named
// ports, a Service port to its target port), the pod-is-running check, then client-go's PortForwarder —
// listeners on each address (localhost: 127.0.0.1 and ::1, either may fail), `Forwarding from ...`, and
// `Handling connection for N` per connection. What the kubelet and the runtime do on the far side is done
// here: each connection is piped by port-forward-pipe.js, run inside the pod's network namespace (the
// container's nsenter prefix, as `exec` uses it) when the pod has one, else on this host. A simulated
// pod runs nothing, so nothing listens in it: its connections fail as a refused port does. A failed
// connection ends the whole forward (`error: lost connection to pod`), as kubectl 1.35 does.
import type {Pod, Service} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'
import type {WaitSinks} from './sinks.js'

import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {instanceDirOf} from '../../api/container-log.js'
import {podType} from '../../api/kinds/pod.js'
import {mustLookupResource} from '../../api/registry.js'
import {containersDir} from '../../config/paths.js'
import {CliError} from '../errors.js'
import {logSources} from './logs-targets.js'
import {forwardedPorts, listenAddresses, type Forward} from './port-forward-ports.js'

const PIPE = fileURLToPath(new URL('port-forward-pipe.js', import.meta.url))

/** How one connection reaches the pod: the nsenter prefix of its namespaces (none: this host's network), or nothing at all. */
interface Reach {
  wrap?: string[]
  simulated: boolean
  podName: string
  /** the id the runtime names the pod's sandbox by, in its errors */
  sandboxID: string
  /** the network namespace, as the error names it */
  netns?: string
}

// the pod the user named, or the pod of the workload or Service (polymorphichelpers.AttachablePodForObject)
async function podFor(api: Api, namespace: string, resource: string, timeoutMs: number, sinks: WaitSinks): Promise<{pod: Pod; service?: Service}> {
  const slash = resource.indexOf('/')
  const rt = slash >= 0 ? mustLookupResource(resource.slice(0, slash)) : podType
  // a missing object is the API's NotFound, printed as kubectl prints a Status error
  const obj = api.get(rt, namespace, slash >= 0 ? resource.slice(slash + 1) : resource)
  if (obj.kind === 'Pod') return {pod: obj as Pod}
  try {
    const [source] = await logSources(api, obj as never, {namespace, allContainers: false, timeoutMs}, {...sinks, err: () => {}})
    return {pod: source.pod, ...(obj.kind === 'Service' ? {service: obj as Service} : {})}
  } catch (error) {
    if (error instanceof CliError) throw new CliError(error.message.replace(/^cannot get the logs from /, 'cannot attach to '))
    throw error
  }
}

// how the pod's port is reached: through the namespaces its process containers run in
function reachOf(target: Target, pod: Pod): Reach {
  const podName = pod.metadata?.name ?? ''
  const sandboxID = createHash('sha256').update(`${pod.metadata?.uid ?? ''}/sandbox`).digest('hex')
  for (const s of pod.status?.containerStatuses ?? []) {
    const dir = s.state?.running ? instanceDirOf(containersDir(target.cluster), s.containerID) : undefined
    if (!dir) continue
    try {
      const spec = JSON.parse(fs.readFileSync(path.join(dir, 'spec.json'), 'utf8')) as {wrap?: string[]}
      const pid = /^--target=(\d+)$/.exec((spec.wrap ?? []).find((a) => a.startsWith('--target=')) ?? '')?.[1]
      return {wrap: spec.wrap, simulated: false, podName, sandboxID, ...(pid ? {netns: `/proc/${pid}/ns/net`} : {})}
    } catch {
      // not started yet: the next container may have
    }
  }
  return {simulated: true, podName, sandboxID}
}

/** Runs the forward until interrupted or a connection fails; returns the error to print, if any. */
export async function runPortForward(api: Api, target: Target, args: string[], opts: {addresses: string[]; timeoutMs: number}, sinks: WaitSinks): Promise<void> {
  if (args.length < 2) throw new CliError('TYPE/NAME and list of ports are required for port-forward', true)
  const {pod, service} = await podFor(api, target.namespace, args[0], opts.timeoutMs, sinks)
  const forwards = forwardedPorts(args.slice(1), pod, service)
  const current = api.get(podType, target.namespace, pod.metadata!.name!) as Pod
  if (current.status?.phase !== 'Running') throw new CliError(`unable to forward port because pod is not running. Current status=${current.status?.phase ?? ''}`)
  const addresses = listenAddresses(opts.addresses)
  const reach = reachOf(target, current)
  const servers: net.Server[] = []
  let fail: (e: CliError) => void = () => {}
  const lost = new Promise<void>((resolve, reject) => {
    fail = reject
    process.once('SIGINT', () => resolve())
  })
  const onConnection = (conn: net.Socket, f: Forward): void => {
    sinks.out(`Handling connection for ${f.local}\n`)
    connect(conn, f, reach, (message) => {
      sinks.err(klogError(`an error occurred forwarding ${f.local} -> ${f.remote}: error forwarding port ${f.remote} to pod ${reach.sandboxID}, uid : ${message}`))
      fail(new CliError('lost connection to pod'))
    })
  }
  let listening = false
  for (const f of forwards) {
    const errors: string[] = []
    let ok = {all: 0, any: 0}
    let failed = {all: 0, any: 0}
    for (const a of addresses) {
      const server = net.createServer((conn) => onConnection(conn, f))
      const err = await new Promise<string | undefined>((resolve) => {
        server.once('error', (e: NodeJS.ErrnoException) => resolve(`unable to create listener: Error listen ${a.protocol} ${joinHostPort(a.address, f.local)}: bind: ${e.code === 'EADDRINUSE' ? 'address already in use' : e.code === 'EACCES' ? 'permission denied' : e.code === 'EADDRNOTAVAIL' ? 'cannot assign requested address' : e.message}`))
        server.listen({host: a.address, port: f.local, ipv6Only: a.protocol === 'tcp6'}, () => resolve(undefined))
      })
      if (err) {
        errors.push(err)
        failed = {...failed, [a.failureMode]: failed[a.failureMode] + 1}
        continue
      }
      ok = {...ok, [a.failureMode]: ok[a.failureMode] + 1}
      servers.push(server)
      if (f.local === 0) f.local = (server.address() as net.AddressInfo).port
      sinks.out(`Forwarding from ${joinHostPort(a.address, f.local)} -> ${f.remote}\n`)
    }
    if ((ok.all === 0 && failed.all > 0) || failed.any > 0) sinks.err(`Unable to listen on port ${f.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]`)
    else listening = true
  }
  try {
    if (!listening) throw new CliError(`unable to listen on any of the requested ports: [${forwards.map((f) => `{${f.local} ${f.remote}}`).join(' ')}]`)
    await lost
  } finally {
    for (const s of servers) s.close()
  }
}

const joinHostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`)

// runtime.HandleError's klog line: `E1207 07:30:01.123456   12345 portforward.go:424] "Unhandled Error" err="..."`
function klogError(message: string): string {
  const d = new Date()
  const p = (n: number, w = 2): string => String(n).padStart(w, '0')
  const stamp = `E${p(d.getMonth() + 1)}${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}000`
  return `${stamp} ${String(process.pid).padStart(7)} portforward.go:424] "Unhandled Error" err=${JSON.stringify(message)}`
}

// one connection to the pod's port: piped by the helper in the pod's network, or refused where nothing runs
function connect(conn: net.Socket, f: Forward, reach: Reach, failed: (message: string) => void): void {
  const inNamespace = (m: string): string => (reach.netns ? `failed to execute portforward in network namespace "${reach.netns}": ` : '') + `failed to connect to localhost:${f.remote} inside namespace "${reach.sandboxID}", ${m}`
  if (reach.simulated) {
    conn.destroy()
    const why = `(pod ${reach.podName} runs in the simulated runtime, which runs no processes: nothing listens in it)`
    return failed(inNamespace(`IPv4: dial tcp4 127.0.0.1:${f.remote}: connect: connection refused IPv6 dial tcp6 [::1]:${f.remote}: connect: connection refused ${why}`))
  }
  const argv = [...(reach.wrap ?? []), process.execPath, PIPE, String(f.remote)]
  const child = spawn(argv[0], argv.slice(1), {stdio: ['pipe', 'pipe', 'pipe']})
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  conn.pipe(child.stdin)
  child.stdout.pipe(conn)
  conn.on('error', () => child.kill())
  child.stdin.on('error', () => {})
  child.on('close', (code) => {
    conn.destroy()
    if (code !== 0) failed(inNamespace(err || `exit status ${code}`))
  })
}
